import { maxIssuesPerArray } from "./explain-leaf.js";
import { maxJsonDepth, maxJsonValues, tooDeepMessage } from "./json-bounds.js";
import { describe, type Report } from "./report.js";

export { describe };

/**
 * What `JSON.stringify` would send of `value`, as a fresh tree of null-prototype objects and
 * arrays: `toJSON` applied, own enumerable keys only (nothing inherited, nothing polluted in
 * from a prototype), `undefined`, functions and symbols dropped from objects and `null` in
 * arrays, non-finite numbers `null`. What cannot be sent — a BigInt, a cycle, a getter or
 * proxy that throws, an object nested deeper than `maxJsonDepth` — is reported at its path and
 * left out (after `maxIssuesPerArray` such issues, one "truncated" issue counts the rest). A
 * value of more than `maxJsonValues` values is not copied: one issue says it is too large, and
 * `skipped` is returned. Never throws; rules then judge exactly the bytes that would go on the wire.
 */
export function toWire(value: unknown, report: Report): unknown {
  // The objects being copied (a cycle returns to one), the values still to read (below 0 once
  // the body is too large, and then nothing more is read), the values found unsendable.
  const ancestors = new Set<object>();
  let left = maxJsonValues;
  let unsendable = 0;
  const cannotSend = (message: string, code: "invalid_type" | "invalid_value" = "invalid_value", limit?: number): typeof skipped => {
    if (++unsendable <= maxIssuesPerArray) report.add(undefined, code, message, limit);
    return skipped;
  };
  const unreadable = (error: unknown) => cannotSend(`could not be read: ${describe(error)}`);
  const tooLarge = (): typeof skipped => {
    left = -1;
    return skipped;
  };
  /** `input`, found at `key` `depth` objects or arrays down, as the wire form has it. */
  const walk = (input: unknown, key: string | number, depth: number): unknown => {
    if (--left < 0) return skipped;
    let value = input;
    if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
      try {
        const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
        if (typeof toJSON === "function") value = toJSON.call(value, String(key));
      } catch (error) {
        return unreadable(error);
      }
    }
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        return Number.isFinite(value) ? value + 0 : null; // -0 is sent as 0
      case "bigint":
        return cannotSend("a BigInt cannot be sent as JSON; use a number or a string", "invalid_type");
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
    }
    if (value === null) return null;
    const object = value as { readonly [key: string | number]: unknown };
    if (ancestors.has(object)) return cannotSend("a cycle: this object contains itself, so it cannot be sent as JSON");
    // Boxed primitives are sent as their primitive, from any realm (a node:vm String fails instanceof).
    let boxed: unknown;
    try {
      boxed = primitiveOf(object);
    } catch (error) {
      return unreadable(error); // its own valueOf or toString threw, as JSON.stringify would
    }
    if (boxed !== notBoxed) {
      if (typeof boxed === "bigint") return cannotSend("a BigInt cannot be sent as JSON; use a number or a string", "invalid_type");
      left++; // the same value, read once
      return walk(boxed, key, depth);
    }
    if (depth > maxJsonDepth) return cannotSend(tooDeepMessage, "invalid_value", maxJsonDepth);
    ancestors.add(object);
    try {
      const array = Array.isArray(object);
      // Counted before anything is allocated or listed: a sparse array's length can be 4e9, and a
      // typed array's keys are one string per element.
      if ((array || ArrayBuffer.isView(object)) && (object.length as number) > left) return tooLarge();
      const keys = array ? undefined : Object.keys(object);
      const length = keys ? keys.length : (object.length as number);
      if (length > left) return tooLarge();
      const copy: unknown[] | Record<string, unknown> = array ? new Array(length) : new WireObject();
      for (let index = 0; index < length && left >= 0; index++) {
        const key = keys ? (keys[index] as string) : index;
        // The report's path at `key` whatever throws.
        report.enter(key);
        let wire: unknown;
        try {
          wire = walk(object[key], key, depth + 1);
        } catch (error) {
          wire = unreadable(error); // a getter
        } finally {
          report.leave();
        }
        if (array) (copy as unknown[])[index] = wire === undefined || wire === skipped ? null : wire;
        else if (wire !== undefined && wire !== skipped) (copy as Record<string, unknown>)[key] = wire;
      }
      return copy;
    } catch (error) {
      return unreadable(error); // a proxy's trap, a length getter
    } finally {
      ancestors.delete(object);
    }
  };
  const wire = walk(value, "", 0);
  if (left < 0) {
    report.add(undefined, "too_many", `too large to validate: more than ${maxJsonValues} values`, maxJsonValues);
    return skipped;
  }
  if (unsendable > maxIssuesPerArray)
    report.add(
      undefined,
      "truncated",
      `stopped after ${maxIssuesPerArray} issues; ${unsendable - maxIssuesPerArray} more values JSON cannot carry`,
    );
  return wire;
}

const notBoxed = Symbol("not boxed");
/**
 * Succeeds only on the object it belongs to (it reads an internal slot), whatever its realm or
 * prototype; `Symbol.toStringTag` and `instanceof` can be spoofed or miss another realm's object.
 */
const hasSlot = (slotReader: (this: unknown) => unknown, object: object): boolean => {
  try {
    slotReader.call(object);
    return true;
  } catch {
    return false;
  }
};
/**
 * The primitive JSON.stringify sends for a boxed primitive, read as it reads it: a Number by
 * ToNumber and a String by ToString (an own `valueOf`/`toString` counts), a Boolean by its slot;
 * a boxed BigInt as a bigint (JSON cannot send it). `notBoxed` for any other object.
 */
function primitiveOf(object: object): unknown {
  // Unary + is ToNumber: a valueOf giving a bigint throws, as in JSON.stringify (Number() would convert it).
  if (hasSlot(Number.prototype.valueOf, object)) return +object;
  if (hasSlot(String.prototype.valueOf, object)) return String(object);
  if (hasSlot(Boolean.prototype.valueOf, object)) return Boolean.prototype.valueOf.call(object);
  if (hasSlot(BigInt.prototype.valueOf, object)) return BigInt.prototype.valueOf.call(object);
  return notBoxed;
}

/** What toWire returns for a value it could not read (already reported). */
export const skipped = Symbol("skipped");

/**
 * The wire form's objects: no prototype chain to read through (nothing inherited, nothing
 * polluted into Object.prototype), yet fast-mode objects, unlike `Object.create(null)`.
 */
const WireObject = function (this: Record<string, unknown>) {} as unknown as new () => Record<string, unknown>;
Object.setPrototypeOf(WireObject.prototype, null);
delete (WireObject.prototype as { constructor?: unknown }).constructor;
