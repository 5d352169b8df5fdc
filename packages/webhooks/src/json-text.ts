/** An object or array being written: its keys (undefined for an array), the next index, and whether a member was written. */
interface Open {
  readonly container: Readonly<Record<string, unknown>> | readonly unknown[];
  readonly keys: readonly string[] | undefined;
  index: number;
  wrote: boolean;
}

/** What `JSON.stringify` writes for a value before its type is looked at: `toJSON()`'s answer, boxed primitives unboxed. */
function prepared(value: unknown, key: string): unknown {
  let result = value;
  if ((typeof result === "object" && result !== null) || typeof result === "bigint") {
    const toJSON = (result as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === "function") result = toJSON.call(result, key);
  }
  if (result instanceof Number) return Number(result);
  if (result instanceof String) return String(result);
  if (result instanceof Boolean) return result.valueOf();
  return result;
}

const omitted = (value: unknown): boolean => value === undefined || typeof value === "function" || typeof value === "symbol";

/**
 * The same text as `JSON.stringify(value)`, written with a loop and a stack of its own, so a
 * value nested 100,000 deep (which a webhook body may hold: `JSON.parse` takes it) is written
 * instead of throwing `RangeError: Maximum call stack size exceeded`. A cycle or a bigint throws
 * a TypeError, as `JSON.stringify` does.
 */
export function jsonText(value: unknown): string | undefined {
  const stack: Open[] = [];
  const open = new Set<object>();
  // Pieces joined once at the end: appending to one string builds a rope as deep as the value.
  const out: string[] = [];
  /** Writes a value that is not omitted; objects and arrays are opened and written by the loop. */
  const write = (item: unknown): void => {
    if (item === null) out.push("null");
    else if (typeof item === "string") out.push(JSON.stringify(item));
    else if (typeof item === "number") out.push(Number.isFinite(item) ? String(item) : "null");
    else if (typeof item === "boolean") out.push(item ? "true" : "false");
    else if (typeof item === "bigint") throw new TypeError("jsonText: a bigint has no JSON form");
    else {
      const container = item as object;
      if (open.has(container)) throw new TypeError("jsonText: the value is cyclic");
      open.add(container);
      const isArray = Array.isArray(container);
      stack.push({ container: container as Open["container"], keys: isArray ? undefined : Object.keys(container), index: 0, wrote: false });
      out.push(isArray ? "[" : "{");
    }
  };

  const root = prepared(value, "");
  if (omitted(root)) return undefined;
  write(root);
  for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
    const { container, keys } = top;
    const length = keys === undefined ? (container as readonly unknown[]).length : keys.length;
    if (top.index >= length) {
      out.push(keys === undefined ? "]" : "}");
      open.delete(container);
      stack.pop();
      continue;
    }
    const index = top.index++;
    if (keys === undefined) {
      if (index > 0) out.push(",");
      const item = prepared((container as readonly unknown[])[index], String(index));
      if (omitted(item)) out.push("null");
      else write(item);
    } else {
      const key = keys[index] as string;
      const item = prepared((container as Readonly<Record<string, unknown>>)[key], key);
      if (omitted(item)) continue;
      out.push(`${top.wrote ? "," : ""}${JSON.stringify(key)}:`);
      top.wrote = true;
      write(item);
    }
  }
  return out.join("");
}
