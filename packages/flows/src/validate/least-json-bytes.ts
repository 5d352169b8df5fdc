/** An object being counted: its members still to count, and what those counted so far add up to. */
interface Open {
  readonly value: object;
  readonly members: readonly (readonly [key: string | undefined, member: unknown])[];
  index: number;
  bytes: number;
}

const omitted = (value: unknown): boolean => value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * At least how many bytes `JSON.stringify(value)` would write, or "cycle" when an object contains
 * itself; counted as the text is written, so an object reached along two paths counts twice. Each
 * object is walked once (its count is kept), so a value built to share one object 2^60 ways is
 * counted in steps linear in the objects it is made of, where serialising it (or any walk that
 * follows every path) would never end. A lower bound: each string as its characters and quotes,
 * each other value as 1. An object with a `toJSON` counts as what it returns (called once per object,
 * with the member's key, as JSON.stringify calls it): a Date or a class instance may stand for a
 * tree that shares one object 2^40 ways, and JSON.stringify writes that tree along every path too.
 */
export function leastJsonBytes(value: unknown): number | "cycle" {
  const counted = new Map<object, number>();
  /** What each object with a `toJSON` gave: asked once, so the walk stays one step per object. */
  const replaced = new Map<object, unknown>();
  const open = new Set<object>();
  const stack: Open[] = [];
  /** What JSON.stringify writes for `item` under `key`: its `toJSON`'s result (not asked again of that result), else itself. */
  const written = (item: object, key: string): unknown => {
    if (replaced.has(item)) return replaced.get(item);
    const toJSON: unknown = (item as { toJSON?: unknown }).toJSON;
    if (typeof toJSON !== "function") return item; // the common case: no entry kept for it
    const value: unknown = toJSON.call(item, key);
    replaced.set(item, value);
    return value;
  };
  /** A value's bytes when known now; undefined when it is an object pushed to be counted. */
  const start = (given: unknown, key = ""): number | undefined => {
    const item = given !== null && typeof given === "object" ? written(given, key) : given;
    if (typeof item === "string") return item.length + 2;
    if (item === null || typeof item !== "object") return 1;
    const known = counted.get(item);
    if (known !== undefined) return known;
    if (open.has(item)) return Number.NaN;
    open.add(item);
    const members = Array.isArray(item)
      ? item.map((member): [undefined, unknown] => [undefined, member])
      : Object.entries(item).filter(([, member]) => !omitted(member));
    stack.push({ value: item, members, index: 0, bytes: 2 + Math.max(0, members.length - 1) });
    return undefined;
  };
  let result = start(value);
  while (stack.length > 0) {
    const top = stack[stack.length - 1] as Open;
    if (Number.isNaN(result)) return "cycle";
    if (result !== undefined && top.index > 0) {
      // The member started last is counted: add it (a result for the root is never added here).
      top.bytes += result;
    }
    if (top.index >= top.members.length) {
      stack.pop();
      open.delete(top.value);
      counted.set(top.value, top.bytes);
      result = top.bytes;
      continue;
    }
    const index = top.index++;
    const [key, member] = top.members[index] as (typeof top.members)[number];
    if (key !== undefined) top.bytes += key.length + 3;
    result = start(member, key ?? String(index));
  }
  return Number.isNaN(result) ? "cycle" : (result as number);
}
