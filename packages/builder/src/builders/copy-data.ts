import { PayloadError } from "../errors.js";
import { maxJsonDepth, maxJsonValues, tooDeepMessage } from "../rules/json-bounds.js";

/** Where free-form data sits in a body: its path, and how many objects or arrays hold it (see `maxJsonDepth`). */
export interface DataPlace {
  readonly path: string;
  readonly depth: number;
}

/**
 * A deep copy of free-form JSON data (flow data) that keeps what it cannot copy as it is:
 * plain objects and arrays are copied, anything else (strings, a Date, a BigInt, a function)
 * is kept, a cycle stays a cycle and an object shared by several references is copied once. The
 * copy serialises exactly as the original does, so `validate()` reports what JSON cannot carry
 * instead of a crash here (structuredClone throws on functions) or inside `JSON.stringify` at
 * send time. An object or array deeper in the body than `maxJsonDepth` (validate()'s bound, so
 * both agree), or an array longer than `maxJsonValues`, throws a PayloadError naming its path,
 * not the engine's stack overflow or out-of-memory.
 */
export function copyData<T>(value: T, place: DataPlace): T {
  const keys: (string | number)[] = [];
  const copies = new Map<object, unknown>();
  const fail = (message: string, limit: number): never => {
    let path = place.path;
    for (const key of keys) path += typeof key === "number" ? `[${key}]` : `.${key}`;
    throw new PayloadError([{ path, code: "invalid_value", severity: "error", message, limit }]);
  };
  const copyAt = (value: unknown, depth: number): unknown => {
    if (typeof value !== "object" || value === null) return value;
    const done = copies.get(value);
    if (done !== undefined) return done;
    const isArray = Array.isArray(value);
    const prototype = isArray ? undefined : Object.getPrototypeOf(value);
    if (prototype !== undefined && prototype !== Object.prototype && prototype !== null) return value;
    if (depth > maxJsonDepth) fail(tooDeepMessage, maxJsonDepth);
    const copy: unknown[] | Record<string, unknown> = isArray ? [] : {};
    copies.set(value, copy);
    if (isArray && value.length > maxJsonValues) fail(`more than ${maxJsonValues} entries, too many to send`, maxJsonValues);
    for (const key of isArray ? value.keys() : Object.keys(value)) {
      keys.push(key);
      const entry = copyAt((value as Record<string | number, unknown>)[key], depth + 1);
      keys.pop();
      // A "__proto__" key (JSON.parse makes one) stays a key: assigning it would set the copy's prototype instead.
      if (key === "__proto__") Object.defineProperty(copy, key, { value: entry, enumerable: true, writable: true, configurable: true });
      else (copy as Record<string | number, unknown>)[key] = entry;
    }
    return copy;
  };
  return copyAt(value, place.depth) as T;
}
