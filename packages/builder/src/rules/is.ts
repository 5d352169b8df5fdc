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
  // A null-prototype record: one property load per key, faster than Set.has on these small sets.
  const known: Record<string, true> = Object.create(null);
  for (const key of [...keys, ...Object.keys(ignored ?? {}), ...(extraKey === undefined ? [] : [extraKey])]) known[key] = true;
  const count = keys.length;
  return (value) => {
    if (!isObject(value)) return false;
    for (const key in value) if (known[key] !== true) return false;
    for (let index = 0; index < count; index++) {
      const field = value[keys[index] as string];
      if (field === undefined || field === null) {
        // null in an optional field is sent as absent (a warning); in a required one it is an error.
        if (isRequired[index] === true) return false;
      } else if (!(tests[index] as Test)(field)) return false;
    }
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
  const tests = new Map<string, Test>();
  for (const value of Object.keys(cases)) tests.set(value, objectTest(cases[value] as ObjectRule, key));
  return (value) => {
    if (!isObject(value)) return false;
    const tag = value[key] ?? fallback;
    if (typeof tag !== "string") return false;
    const test = tests.get(tag) ?? (anyCase === true ? tests.get(tag.toLowerCase()) : undefined);
    return test !== undefined && test(value);
  };
}
