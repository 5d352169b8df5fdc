/**
 * A deep copy of free-form JSON data (flow data) that keeps what it cannot copy as it is:
 * plain objects and arrays are copied, anything else (strings, a Date, a BigInt, a function)
 * is kept, and a cycle stays a cycle. The copy serialises exactly as the original does, so
 * `validate()` reports what JSON cannot carry instead of a crash here (structuredClone throws
 * on functions) or inside `JSON.stringify` at send time.
 */
export function copyData<T>(value: T, copies = new Map<object, unknown>()): T {
  if (typeof value !== "object" || value === null) return value;
  const done = copies.get(value);
  if (done !== undefined) return done as T;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const entry of value) copy.push(copyData(entry, copies));
    return copy as T;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const key of Object.keys(value)) {
    const entry = copyData((value as Record<string, unknown>)[key], copies);
    // A "__proto__" key (JSON.parse makes one) stays a key: assigning it would set the copy's prototype instead.
    if (key === "__proto__") Object.defineProperty(copy, key, { value: entry, enumerable: true, writable: true, configurable: true });
    else copy[key] = entry;
  }
  return copy as T;
}
