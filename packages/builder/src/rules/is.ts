import { isObject } from "./report.js";
import type { ArrayRule, EnumRule, NumberRule, ObjectRule, Rule, StringRule, UnionRule } from "./rule.js";
import { isPlainJson } from "./wire.js";

/** A rule's quick test: true when the value breaks no error rule (warnings pass). */
export type Test = (value: unknown) => boolean;

const compiled = new WeakMap<Rule, Test>();

/**
 * Compiles `rule` into a test made of closures, once per rule: no issue objects, no paths,
 * no allocation on the way to `true`. True exactly when explain() reports no error on the
 * same (JSON) value; the property test over the table holds the two to that.
 */
export function is(rule: Rule): Test {
  let test = compiled.get(rule);
  if (test === undefined) {
    test = compile(rule);
    compiled.set(rule, test);
  }
  return test;
}

function compile(rule: Rule): Test {
  switch (rule.kind) {
    case "string":
      return stringTest(rule);
    case "enum":
      return enumTest(rule);
    case "number":
      return numberTest(rule);
    case "boolean":
      return (value) => typeof value === "boolean";
    case "json":
      // Plain JSON only: a toJSON, an undefined or a cycle inside would be sent otherwise than it reads.
      return (value) => isObject(value) && (rule.nonEmpty !== true || Object.keys(value).length > 0) && isPlainJson(value);
    case "object":
      return objectTest(rule, undefined);
    case "array":
      return arrayTest(rule);
    case "union":
      return unionTest(rule);
    case "custom":
      return rule.is;
  }
}

function stringTest({ min, max, pattern, tolerate, numberIsWarning, emptyIsWarning }: StringRule): Test {
  const number = numberIsWarning === true;
  const emptyMin = emptyIsWarning === undefined ? min : 0;
  return (value) => {
    if (typeof value !== "string") return number && typeof value === "number" && Number.isFinite(value);
    const length = value.length;
    if (length > max || (length < min && !(length === 0 && emptyMin === 0))) return false;
    return pattern === undefined || pattern.test(value) || tolerate?.test(value) === true;
  };
}

function enumTest({ values, anyCase }: EnumRule): Test {
  const [only] = values;
  if (anyCase !== true && values.length === 1) return (value) => value === only;
  if (anyCase !== true) return (value) => typeof value === "string" && values.includes(value);
  const lower = values.map((value) => value.toLowerCase());
  return (value) => typeof value === "string" && (values.includes(value) || lower.includes(value.toLowerCase()));
}

function numberTest({ min, max, integer, numericString }: NumberRule): Test {
  return (input) => {
    const value = numericString === true && typeof input === "string" ? numeric(input) : input;
    return (
      typeof value === "number" &&
      Number.isFinite(value) &&
      value >= min &&
      value <= max &&
      (integer !== true || Number.isSafeInteger(value))
    );
  };
}

/** The number a numeric string holds, or undefined. */
export const numeric = (text: string): number | undefined => {
  if (text.trim() === "") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
};

/** `extraKey`: the discriminator of a union case, known to the case without being one of its fields. */
function objectTest({ fields, ignored, refine }: ObjectRule, extraKey: string | undefined): Test {
  const keys = Object.keys(fields);
  const tests = keys.map((key) => is((fields[key] as ObjectRule["fields"][string]).rule));
  const isRequired = keys.map((key) => fields[key]?.required === true);
  const requiredCount = isRequired.filter(Boolean).length;
  // Each known key's field index, or -1 for keys known but not checked (ignored ones, a union's tag).
  const indexOf: Record<string, number> = Object.create(null);
  keys.forEach((key, index) => {
    indexOf[key] = index;
  });
  for (const key of [...Object.keys(ignored ?? {}), ...(extraKey === undefined ? [] : [extraKey])]) indexOf[key] ??= -1;
  return (value) => {
    if (!isObject(value)) return false;
    // One pass over the keys the value has: V8 reads value[key] inside for-in from its enum cache, which is much
    // faster than a lookup per declared field.
    let present = 0;
    for (const key in value) {
      const index = indexOf[key];
      if (index === undefined) return false;
      if (index < 0) continue;
      const field = value[key];
      // Absent (undefined is dropped by JSON); null is read as absent: a warning when optional, an error when required.
      if (field === undefined) continue;
      const needed = isRequired[index] === true;
      if (field === null) {
        if (needed) return false;
        continue;
      }
      if (!(tests[index] as Test)(field)) return false;
      if (needed) present++;
    }
    if (present !== requiredCount) return false;
    if (refine !== undefined) for (const refinement of refine) if (!refinement.test(value)) return false;
    return true;
  };
}

function arrayTest({ item, min, max, refine }: ArrayRule): Test {
  const test = is(item);
  return (value) => {
    if (!Array.isArray(value) || value.length < min || value.length > max) return false;
    for (let index = 0; index < value.length; index++) if (!test(value[index])) return false;
    if (refine !== undefined) for (const refinement of refine) if (!refinement.test(value)) return false;
    return true;
  };
}

function unionTest({ key, cases, anyCase, default: fallback }: UnionRule): Test {
  const tests: Record<string, Test> = Object.create(null);
  for (const value of Object.keys(cases)) tests[value] = objectTest(cases[value] as ObjectRule, key);
  return (value) => {
    if (!isObject(value)) return false;
    const tag = value[key] ?? fallback;
    if (typeof tag !== "string") return false;
    const test = tests[tag] ?? (anyCase === true ? tests[tag.toLowerCase()] : undefined);
    return test !== undefined && test(value);
  };
}
