import { kindOf } from "../rules/report.js";

// Guards for JavaScript callers; the types already rule these calls out. An argument that
// cannot even be read fails at once with a TypeError that names where, rather than deep
// inside a builder. Values that can be read are left to `.build()`, which reports them.

/**
 * `value` when it is an object; otherwise a TypeError naming `where`. With `keys` (the options the
 * builder reads), an own enumerable key outside them fails too, even when its value is undefined:
 * a typo'd option is never dropped without a word. The transport's entry points check their options
 * with it too (`createSender`: `baseURL` would send to Meta instead of the emulator).
 *
 * The message never shows the value (options given as the token string must not print it), only its
 * kind; a key is quoted as JSON, so a key with a line break cannot forge a line of a log.
 */
export function objectArgument<T>(value: T, where: string, keys?: readonly string[]): T & object {
  if (typeof value !== "object" || value === null) throw new TypeError(`${where}: expected an object, got ${kindOf(value)}`);
  if (keys) {
    // Object.keys, not for…in: for…in also walks the prototype chain (a Proxy there runs its traps, thousands of
    // inherited keys cost time); the array it makes costs a few nanoseconds.
    let own: string[];
    try {
      own = Object.keys(value);
    } catch (cause) {
      // A revoked Proxy, or an ownKeys or getOwnPropertyDescriptor trap that throws: said where, not a bare TypeError.
      throw new TypeError(`${where}: could not read the options (see cause)`, { cause });
    }
    for (const key of own)
      if (!keys.includes(key)) throw new TypeError(`${where}: unknown option ${JSON.stringify(key)} (takes ${keys.join(", ")})`);
  }
  return value;
}

/** An array argument, copied (later changes by the caller do not leak in). */
export function arrayArgument<T>(value: readonly T[], where: string): T[] {
  if (!Array.isArray(value)) throw new TypeError(`${where}: expected an array, got ${kindOf(value)}`);
  return [...value];
}

/**
 * Runs a builder callback (`.contacts(c => …)`, `.section(title, s => …)`) on `start` and
 * returns what it built, which must be a `type` (the builder it was given, extended).
 */
export function callbackResult<T>(build: unknown, start: unknown, type: abstract new (...args: never[]) => T, where: string): T {
  if (typeof build !== "function") throw new TypeError(`${where}: expected a function that builds it, got ${kindOf(build)}`);
  const built: unknown = build(start);
  if (!(built instanceof type)) throw new TypeError(`${where}: the callback must return the builder it was given, got ${kindOf(built)}`);
  return built;
}
