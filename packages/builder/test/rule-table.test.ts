import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { hasErrors } from "../src/issue.js";
import { issuesOf } from "../src/rules/issues.js";
import { markReadBody } from "../src/rules/mark-read.js";
import { message, messages } from "../src/rules/message.js";
import { markReadBodyPasses } from "../src/rules/quick/mark-read.generated.js";
import type { Rule } from "../src/rules/rule.js";
import { kindRules, quickTest } from "./quick-tests.js";

// One property over the whole rule table: the compiled quick test (rules/quick/) says yes exactly
// when the explaining walk reports no error. Values come from the table itself: each rule
// yields valid values, its boundaries (min - 1, min, max, max + 1 from limits.ts through
// the rules), other cases, nulls, stray keys and wrong types, so every rule is reached
// without a literal written here. Half of the values are drawn in the rules' own bounds
// (required fields present, no strays or nulls), so that "yes" is common too: a random
// walk alone makes a passing reaction or location rare enough that a run can see none.

const longest = 5000; // strings longer than this are made only at a rule's own boundaries
const lengths = (min: number, max: number, warnAbove?: number): number[] =>
  [min - 1, min, min + 1, warnAbove, warnAbove === undefined ? undefined : warnAbove + 1, max, max + 1].filter(
    (n): n is number => n !== undefined && n >= 0 && Number.isFinite(n) && n <= 40_000,
  );

const wrongType = fc.constantFrom<unknown>(null, 1, true, "x", [], {}, -0.5);

/** Strings matching `pattern` where fast-check can make them (no lookahead, no unicode classes). */
function matching(pattern: RegExp): fc.Arbitrary<string> {
  try {
    // A case-insensitive pattern's own case matches it.
    return fc.stringMatching(new RegExp(pattern.source)).filter((s) => s.length <= longest);
  } catch {
    return fc.string({ minLength: 1, maxLength: 12 });
  }
}

/** Made once per rule, depth and mode: the cases of a union choose among them for every value. */
const made = new Map<Rule, Map<string, fc.Arbitrary<unknown>>>();
function arbitraryOf(rule: Rule, depth = 0, inBounds = false): fc.Arbitrary<unknown> {
  const byDepth = made.get(rule) ?? new Map<string, fc.Arbitrary<unknown>>();
  made.set(rule, byDepth);
  const key = `${depth}${inBounds ? "+" : "-"}`;
  let arbitrary = byDepth.get(key);
  if (arbitrary === undefined) {
    arbitrary = inBounds ? makeInBounds(rule, depth) : make(rule, depth);
    byDepth.set(key, arbitrary);
  }
  return arbitrary;
}

/** Custom rules' candidates: phone numbers, emoji, digits and things that are none of them. */
const customCandidates = ["16505551234", "+1 (650) 555-1234", "0016505551234", "abc", "", "0", "05", "9", "10", "👍", "👍👍"];

/** Values each rule accepts on its own (refinements across fields may still say no). */
function makeInBounds(rule: Rule, depth: number): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case "string": {
      const { pattern } = rule;
      const within = (s: string) => s.length >= rule.min && s.length <= rule.max && (pattern === undefined || pattern.test(s));
      // matching() drops flags (\\P{…} then means "P"), so plain strings stand beside it.
      if (pattern !== undefined) return fc.oneof(matching(pattern), fc.string({ minLength: rule.min, maxLength: 12 })).filter(within);
      const sizes = lengths(rule.min, rule.max, rule.warnAbove).filter((n) => n >= rule.min && n <= rule.max);
      return fc.oneof(
        fc.string({ minLength: rule.min, maxLength: Math.min(rule.max, rule.min + 12) }),
        fc.constantFrom(...(sizes.length > 0 ? sizes : [rule.min])).map((n) => "a".repeat(n)),
      );
    }
    case "enum":
      return fc.constantFrom(...rule.values);
    case "number":
      return rule.integer === true
        ? fc.integer({ min: rule.min, max: rule.max })
        : fc.double({ min: rule.min, max: rule.max, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "json":
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1 });
    case "any":
      return fc.jsonValue({ maxDepth: 2 });
    case "custom": {
      const accepted = [...customCandidates, 0, 1, 5, 9].filter((candidate) => rule.passes(candidate));
      return accepted.length > 0 ? fc.constantFrom(...accepted) : make(rule, depth);
    }
    case "object":
    case "union": {
      const cases = rule.kind === "union" ? Object.entries(rule.cases) : [["", rule] as const];
      const key = rule.kind === "union" ? rule.key : undefined;
      return fc.constantFrom(...cases).chain(([tag, object]) =>
        fc
          .tuple(
            ...Object.entries(object.fields).map(([name, field]) =>
              field.required === true
                ? arbitraryOf(field.rule, depth + 1, true).map((v) => [name, v] as const)
                : fc.option(
                    arbitraryOf(field.rule, depth + 1, true).map((v) => [name, v] as const),
                    { nil: undefined, freq: 3 }, // absent one time in three,
                  ),
            ),
          )
          .map((pairs) => {
            const value: Record<string, unknown> = {};
            if (key !== undefined) value[key] = tag;
            for (const pair of pairs) if (pair !== undefined) value[pair[0]] = pair[1];
            return value;
          }),
      );
    }
    case "array": {
      const top = Math.min(Number.isFinite(rule.max) ? rule.max : rule.min + 2, depth > 3 ? Math.max(rule.min, 2) : Math.max(rule.min, 4));
      return fc.array(arbitraryOf(rule.item, depth + 1, true), { minLength: rule.min, maxLength: top });
    }
  }
}

function make(rule: Rule, depth: number): fc.Arbitrary<unknown> {
  switch (rule.kind) {
    case "string": {
      const sized = fc.constantFrom(...lengths(rule.min, rule.max, rule.warnAbove)).map((n) => "a".repeat(n));
      const patterned = rule.pattern === undefined ? fc.string({ minLength: 1, maxLength: 12 }) : matching(rule.pattern);
      return fc.oneof(
        { weight: 4, arbitrary: patterned },
        // Values free-form strings often hold: a phone number (for `to`), a message id.
        { weight: 2, arbitrary: fc.constantFrom("16505551234", "+44 7700 900123", "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJD") },
        { weight: 2, arbitrary: sized },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(""), wrongType) },
      );
    }
    case "enum":
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...rule.values) },
        { weight: 1, arbitrary: fc.constantFrom(...rule.values.map((v) => v.toUpperCase()), "other", "") },
        { weight: 1, arbitrary: wrongType },
      );
    case "number":
      return fc.oneof(
        { weight: 4, arbitrary: fc.double({ min: rule.min, max: rule.max, noNaN: true }) },
        { weight: 2, arbitrary: fc.constantFrom(rule.min, rule.max, rule.min - 1, rule.max + 1, 0.5, Number.NaN) },
        { weight: 1, arbitrary: fc.constantFrom("12.5", "north", " ", "1e3") },
        { weight: 1, arbitrary: wrongType },
      );
    case "boolean":
      return fc.oneof(fc.boolean(), wrongType);
    case "json":
      return fc.oneof(fc.constant({}), fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 2 })), wrongType);
    case "any":
      return fc.oneof(fc.jsonValue({ maxDepth: 2 }), wrongType);
    case "custom":
      return fc.oneof(fc.constantFrom(...customCandidates), fc.integer({ min: -2, max: 20 }), wrongType);
    case "object":
    case "union": {
      const cases = rule.kind === "union" ? Object.entries(rule.cases) : [["", rule] as const];
      return fc.constantFrom(...cases).chain(([tag, object]) => {
        const entries = Object.entries(object.fields).map(([key, field]) =>
          fc.oneof(
            { weight: field.required === true ? 12 : 4, arbitrary: arbitraryOf(field.rule, depth + 1).map((v) => [key, v] as const) },
            { weight: field.required === true ? 1 : 8, arbitrary: fc.constant(undefined) },
            { weight: 1, arbitrary: fc.constant([key, null] as const) },
          ),
        );
        const key = rule.kind === "union" ? rule.key : undefined;
        const tagValue = fc.oneof(
          { weight: 8, arbitrary: fc.constant(tag) },
          { weight: 1, arbitrary: fc.constantFrom(tag.toUpperCase(), "nope", undefined) },
        );
        return fc
          .tuple(
            fc.tuple(...entries),
            tagValue,
            fc.oneof(
              { weight: 12, arbitrary: fc.constant(undefined) },
              { weight: 1, arbitrary: fc.constantFrom("stray", ...Object.keys(object.ignored ?? {})) },
            ),
          )
          .map(([pairs, t, stray]) => {
            const value: Record<string, unknown> = {};
            if (key !== undefined && t !== undefined) value[key] = t;
            for (const pair of pairs) if (pair !== undefined) value[pair[0]] = pair[1];
            if (stray !== undefined) value[stray] = "x";
            return value;
          });
      });
    }
    case "array": {
      const top = Math.min(Number.isFinite(rule.max) ? rule.max + 1 : (rule.warnAbove ?? rule.min) + 2, depth > 3 ? 3 : 12);
      return fc.oneof(
        {
          weight: 8,
          arbitrary: fc.array(arbitraryOf(rule.item, depth + 1), {
            minLength: Math.max(0, rule.min - 1),
            maxLength: Math.max(top, rule.min),
          }),
        },
        { weight: 1, arbitrary: wrongType },
      );
    }
  }
}

const heavy = ["contacts", "template", "any message (by type)"];

describe("the rule table", () => {
  const tables: [string, Rule, (value: unknown) => boolean][] = [
    ...Object.entries(kindRules).map(([kind, rules]): [string, Rule, (value: unknown) => boolean] => [
      kind,
      messages[rules.type],
      rules.passes,
    ]),
    ["any message (by type)", message, (value) => typeof value === "object" && value !== null && quickTest(value)],
    ["mark-read", markReadBody, markReadBodyPasses],
  ];
  for (const [name, rule, test] of tables) {
    it(`${name}: the quick test says yes exactly when explain() reports no error`, () => {
      let yes = 0;
      let no = 0;
      fc.assert(
        fc.property(fc.oneof(arbitraryOf(rule), arbitraryOf(rule, 0, true)), (value) => {
          const quick = test(value);
          const issues = issuesOf(rule, value);
          if (quick) yes++;
          else no++;
          expect({ quick, errors: issues.filter((issue) => issue.severity === "error") }).toEqual({
            quick: !hasErrors(issues),
            errors: quick ? [] : expect.anything(),
          });
        }),
        { numRuns: heavy.includes(name) ? 500 : 2000 }, // the big kinds make big values: fewer, still thousands of fields
      );
      // Both answers occur, so the comparison means something either way.
      expect(no).toBeGreaterThan(50);
      expect(yes).toBeGreaterThan(heavy.includes(name) ? 5 : 50);
    });
  }
});
