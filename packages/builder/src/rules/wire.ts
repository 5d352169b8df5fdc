import { describe, type Report } from "./report.js";

export { describe };

/**
 * What `JSON.stringify` would send of `value`, as a fresh tree of null-prototype objects and
 * arrays: `toJSON` applied, own enumerable keys only (nothing inherited, nothing polluted in
 * from a prototype), `undefined`, functions and symbols dropped from objects and `null` in
 * arrays, non-finite numbers `null`. What cannot be sent — a BigInt, a cycle, a getter or
 * proxy that throws — is reported at its path and left out. Never throws; rules then judge
 * exactly the bytes that would go on the wire.
 */
export function toWire(value: unknown, report: Report): unknown {
  return walk(value, "", report, []);
}

/** What toWire returns for a value it could not read (already reported). */
export const skipped = Symbol("skipped");

function walk(input: unknown, key: string | number, report: Report, ancestors: object[]): unknown {
  let value = input;
  if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
    try {
      const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") value = toJSON.call(value, String(key));
    } catch (error) {
      return unreadable(report, error);
    }
  }
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value) ? value + 0 : null; // -0 is sent as 0
    case "bigint":
      report.add(undefined, "invalid_type", "a BigInt cannot be sent as JSON; use a number or a string");
      return skipped;
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
  }
  if (value === null) return null;
  const object = value as object;
  if (ancestors.includes(object)) {
    report.add(undefined, "invalid_value", "a cycle: this object contains itself, so it cannot be sent as JSON");
    return skipped;
  }
  // Boxed primitives are sent as their primitive.
  if (object instanceof Number || object instanceof String || object instanceof Boolean)
    return walk(object.valueOf(), key, report, ancestors);
  ancestors.push(object);
  try {
    return Array.isArray(object) ? walkArray(object, report, ancestors) : walkObject(object, report, ancestors);
  } catch (error) {
    return unreadable(report, error); // a proxy's trap, a length getter
  } finally {
    ancestors.pop();
  }
}

function walkArray(array: readonly unknown[], report: Report, ancestors: object[]): unknown[] {
  const length = array.length;
  const copy: unknown[] = new Array(length);
  for (let index = 0; index < length; index++) {
    report.enter(index);
    let wire: unknown;
    try {
      wire = walk(array[index], index, report, ancestors);
    } catch (error) {
      wire = unreadable(report, error); // a getter on the index
    }
    report.leave();
    copy[index] = wire === undefined || wire === skipped ? null : wire;
  }
  return copy;
}

/**
 * The wire form's objects: no prototype chain to read through (nothing inherited, nothing
 * polluted into Object.prototype), yet fast-mode objects, unlike `Object.create(null)`.
 */
const WireObject = function (this: Record<string, unknown>) {} as unknown as new () => Record<string, unknown>;
Object.setPrototypeOf(WireObject.prototype, null);
delete (WireObject.prototype as { constructor?: unknown }).constructor;

function walkObject(object: object, report: Report, ancestors: object[]): Record<string, unknown> {
  const copy = new WireObject();
  for (const key of Object.keys(object)) {
    report.enter(key);
    let wire: unknown;
    try {
      wire = walk((object as Record<string, unknown>)[key], key, report, ancestors);
    } catch (error) {
      wire = unreadable(report, error); // a getter
    }
    report.leave();
    if (wire !== undefined && wire !== skipped) copy[key] = wire;
  }
  return copy;
}

function unreadable(report: Report, error: unknown): typeof skipped {
  report.add(undefined, "invalid_value", `could not be read: ${describe(error)}`);
  return skipped;
}
