import type { Issue } from "@wacompose/builder";

/**
 * What a typed field of an event holds, as data: a JSON type, an object with required and
 * optional members (other members are kept, unchecked), or a list of one shape. The types in
 * events.ts promise these; `conform` makes the promise true for what Meta (or anyone) sent.
 */
export type Shape = "string" | "number" | "boolean" | ObjectShape | ListShape;
export interface ObjectShape {
  readonly required?: Readonly<Record<string, Shape>>;
  readonly optional?: Readonly<Record<string, Shape>>;
}
export interface ListShape {
  readonly listOf: Shape;
}

export type Report = (path: string, code: Issue["code"], message: string) => void;
export type Json = Readonly<Record<string, unknown>>;

export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
/** A value's JSON type in words, for messages (never a call into the value). */
export const describe = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;
const wanted = (shape: Shape): string =>
  typeof shape === "string" ? (shape === "string" ? "text" : `a ${shape}`) : Object.hasOwn(shape, "listOf") ? "an array" : "an object";

/**
 * `value` when it has `shape`; a copy without the optional members that do not (each an issue
 * at its path); undefined when a required part is missing or of another type (issues say where).
 * Recursion follows the shape, which is ours and a few levels deep, never the input's depth.
 */
export function conform(value: unknown, shape: Shape, path: string, report: Report): unknown {
  return checkOf(shape)(value) ? value : explain(value, shape, path, report);
}

function explain(value: unknown, shape: Shape, path: string, report: Report): unknown {
  if (typeof shape === "string") {
    if (typeof value === shape && (shape !== "number" || Number.isFinite(value))) return value;
    report(path, value === undefined ? "required" : "invalid_type", `expected ${wanted(shape)}, got ${describe(value)}`);
    return undefined;
  }
  if (Object.hasOwn(shape, "listOf")) {
    if (!Array.isArray(value)) {
      report(path, value === undefined ? "required" : "invalid_type", `expected an array, got ${describe(value)}`);
      return undefined;
    }
    const item = (shape as ListShape).listOf;
    let copy: unknown[] | undefined;
    let failed = false;
    for (let index = 0; index < value.length; index++) {
      const member: unknown = value[index];
      const checked = explain(member, item, `${path}[${index}]`, report);
      if (checked === undefined) failed = true;
      else if (checked !== member) {
        copy ??= [...value];
        copy[index] = checked;
      }
    }
    return failed ? undefined : (copy ?? value);
  }
  if (!isObject(value)) {
    report(path, value === undefined ? "required" : "invalid_type", `expected an object, got ${describe(value)}`);
    return undefined;
  }
  let copy: Record<string, unknown> | undefined;
  let failed = false;
  for (const [key, member, required] of membersOf(shape as ObjectShape)) {
    const present = Object.hasOwn(value, key) ? value[key] : undefined;
    if (present === undefined && !required) continue;
    const checked = explain(present, member, `${path}.${key}`, report);
    if (checked === undefined && required) failed = true;
    if (checked === present || failed) continue;
    copy ??= { ...value };
    if (checked === undefined) delete copy[key];
    else copy[key] = checked;
  }
  return failed ? undefined : (copy ?? value);
}

type Member = readonly [key: string, shape: Shape, required: boolean];
const members = new WeakMap<ObjectShape, readonly Member[]>();
/** An object shape's members as one list, made once per shape (the loop above runs for every update of a batch). */
function membersOf(shape: ObjectShape): readonly Member[] {
  let list = members.get(shape);
  if (list === undefined) {
    list = [
      ...Object.entries(shape.required ?? {}).map(([key, member]): Member => [key, member, true]),
      ...Object.entries(shape.optional ?? {}).map(([key, member]): Member => [key, member, false]),
    ];
    members.set(shape, list);
  }
  return list;
}

export type Check = (value: unknown) => boolean;
const checks = new WeakMap<ObjectShape | ListShape, Check>();
const isText: Check = (value) => typeof value === "string";
const isNumber: Check = (value) => typeof value === "number" && Number.isFinite(value);
const isBoolean: Check = (value) => typeof value === "boolean";

/**
 * Whether a value has `shape`, compiled once into closures: the fast path, run for every update
 * of a batch, which allocates nothing. Only a value that fails it is walked again by `conform`,
 * which says where and why.
 */
export function checkOf(shape: Shape): Check {
  if (shape === "string") return isText;
  if (shape === "number") return isNumber;
  if (shape === "boolean") return isBoolean;
  let check = checks.get(shape);
  if (check !== undefined) return check;
  if (Object.hasOwn(shape, "listOf")) {
    const item = checkOf((shape as ListShape).listOf);
    check = (value) => {
      if (!Array.isArray(value)) return false;
      for (let index = 0; index < value.length; index++) if (!item(value[index])) return false;
      return true;
    };
  } else {
    const list = membersOf(shape as ObjectShape).map(([key, member, required]) => [key, checkOf(member), required] as const);
    check = (value) => {
      if (!isObject(value)) return false;
      const plain = plainIsOwn(value);
      for (let index = 0; index < list.length; index++) {
        const [key, member, required] = list[index] as (typeof list)[number];
        const present = value[key];
        if (present === undefined ? required : !(plain || Object.hasOwn(value, key)) || !member(present)) return false;
      }
      return true;
    };
  }
  checks.set(shape, check);
  return check;
}

/** Every member name of the shapes checked so far. */
const names = new Set<string>();
let prototypeClean = false;
/**
 * Whether a member of `value` that is defined is its own: true for an object made by
 * `JSON.parse` while `Object.prototype` carries none of the shapes' member names (checked by
 * `guardPrototype` once per batch, since some other code may have polluted it). One question per
 * object, not an `Object.hasOwn` per member: this runs for every update of a batch.
 */
export const plainIsOwn = (value: object): boolean => prototypeClean && Object.getPrototypeOf(value) === Object.prototype;
/** Checks `Object.prototype` for the shapes' member names; call before checking a batch. */
export function guardPrototype(shapes: readonly Shape[]): void {
  for (const shape of shapes) if (!collected.has(shape)) collectNames(shape);
  prototypeClean = true;
  for (const name of names) if (name in Object.prototype) prototypeClean = false;
}
const collected = new Set<Shape>();
function collectNames(shape: Shape): void {
  if (typeof shape === "string") return;
  collected.add(shape);
  if (Object.hasOwn(shape, "listOf")) collectNames((shape as ListShape).listOf);
  else
    for (const [key, member] of membersOf(shape as ObjectShape)) {
      names.add(key);
      collectNames(member);
    }
}
