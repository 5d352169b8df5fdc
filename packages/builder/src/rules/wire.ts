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
  const walker = new Walker(report);
  const wire = walker.walk(value, "", 0);
  if (walker.left < 0) {
    report.add(undefined, "too_many", `too large to validate: more than ${maxJsonValues} values`, maxJsonValues);
    return skipped;
  }
  if (walker.unsendable > maxIssuesPerArray)
    report.add(
      undefined,
      "truncated",
      `stopped after ${maxIssuesPerArray} values JSON cannot carry; ${walker.unsendable - maxIssuesPerArray} more not reported`,
    );
  return wire;
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

/** One walk: the objects being copied (a cycle returns to one), how many more values may be read, the issues made. */
class Walker {
  readonly #report: Report;
  readonly #ancestors = new Set<object>();
  /** Values still to be read; below 0 once the body is too large, and then nothing more is read. */
  left = maxJsonValues;
  /** Values reported as unsendable, counted past the ones reported. */
  unsendable = 0;

  constructor(report: Report) {
    this.#report = report;
  }

  /** `value` found at `key` (`depth` objects or arrays down), as the wire form has it. */
  walk(input: unknown, key: string | number, depth: number): unknown {
    if (--this.left < 0) return skipped;
    let value = input;
    if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
      try {
        const toJSON: unknown = (value as { toJSON?: unknown }).toJSON;
        if (typeof toJSON === "function") value = toJSON.call(value, String(key));
      } catch (error) {
        return this.#unreadable(error);
      }
    }
    switch (typeof value) {
      case "string":
      case "boolean":
        return value;
      case "number":
        return Number.isFinite(value) ? value + 0 : null; // -0 is sent as 0
      case "bigint":
        return this.#unsendable("invalid_type", "a BigInt cannot be sent as JSON; use a number or a string");
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
    }
    if (value === null) return null;
    const object = value as object;
    if (this.#ancestors.has(object))
      return this.#unsendable("invalid_value", "a cycle: this object contains itself, so it cannot be sent as JSON");
    // Boxed primitives are sent as their primitive.
    if (object instanceof Number || object instanceof String || object instanceof Boolean) {
      this.left++; // the same value, read once
      return this.walk(object.valueOf(), key, depth);
    }
    if (depth > maxJsonDepth) return this.#unsendable("invalid_value", tooDeepMessage, maxJsonDepth);
    this.#ancestors.add(object);
    try {
      return Array.isArray(object) ? this.#walkArray(object, depth) : this.#walkObject(object, depth);
    } catch (error) {
      return this.#unreadable(error); // a proxy's trap, a length getter
    } finally {
      this.#ancestors.delete(object);
    }
  }

  #walkArray(array: readonly unknown[], depth: number): unknown[] | typeof skipped {
    const length = array.length;
    // Before allocating: a sparse array's length can be 4e9.
    if (length > this.left) return this.#tooLarge();
    const copy: unknown[] = new Array(length);
    for (let index = 0; index < length && this.left >= 0; index++) {
      const wire = this.#walkEntry(array as unknown as Record<number, unknown>, index, depth);
      copy[index] = wire === undefined || wire === skipped ? null : wire;
    }
    return copy;
  }

  #walkObject(object: object, depth: number): Record<string, unknown> | typeof skipped {
    // Before listing its keys: a typed array's keys are one string per element.
    if (ArrayBuffer.isView(object) && ((object as { length?: number }).length ?? 0) > this.left) return this.#tooLarge();
    const keys = Object.keys(object);
    if (keys.length > this.left) return this.#tooLarge();
    const copy = new WireObject();
    for (let i = 0; i < keys.length && this.left >= 0; i++) {
      const key = keys[i] as string;
      const wire = this.#walkEntry(object as Record<string, unknown>, key, depth);
      if (wire !== undefined && wire !== skipped) copy[key] = wire;
    }
    return copy;
  }

  /** The entry at `key` of `holder`, with the report's path at `key` whatever throws. */
  #walkEntry(holder: Record<string | number, unknown>, key: string | number, depth: number): unknown {
    const report = this.#report;
    report.enter(key);
    try {
      return this.walk(holder[key], key, depth + 1);
    } catch (error) {
      return this.#unreadable(error); // a getter
    } finally {
      report.leave();
    }
  }

  #tooLarge(): typeof skipped {
    this.left = -1;
    return skipped;
  }

  #unreadable(error: unknown): typeof skipped {
    return this.#unsendable("invalid_value", `could not be read: ${describe(error)}`);
  }

  #unsendable(code: "invalid_type" | "invalid_value", message: string, limit?: number): typeof skipped {
    if (++this.unsendable <= maxIssuesPerArray) this.#report.add(undefined, code, message, limit);
    return skipped;
  }
}
