import type { Issue } from "@wacompose/builder";
import { defineMember } from "../defined-members.js";
import type { Metadata, WebhookEvent } from "../events.js";
import { quote } from "../quote.js";

export type Json = Readonly<Record<string, unknown>>;
export type Report = (path: string, code: Issue["code"], message: string) => void;

/** What every field reader gets from `parseWebhook`: where the change is, and how to report. */
export interface FieldContext {
  readonly wabaId: string;
  /** `entry[].changes[].field`. */
  readonly field: string;
  /** `entry[].time` in seconds, when the entry has one. */
  readonly time: number | undefined;
  /** The change's path (`entry[0].changes[1]`); members are under `${path}.value`. */
  readonly path: string;
  readonly issue: Report;
  /** The `messages` reader, for fields that carry messages and statuses in the same shape (`standby`). */
  readonly readMessages: (value: Json, path: string) => WebhookEvent[];
}

export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
export const describe = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

/** A member only when the object has it itself (a key from the prototype, `__proto__` or `constructor`, is not data). */
export const own = (object: Json, key: string): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);

/** Seconds from Meta's digit string or number (its pages show both for the same member); undefined when neither. */
export function secondsOf(value: unknown): number | undefined {
  const seconds = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) ? seconds : undefined;
}

/** What each reader of an optional member yields when the member is there (`MemberReader.optional`). */
interface OptionalReads {
  readonly text: string;
  readonly id: string;
  readonly number: number;
  readonly seconds: number;
  readonly boolean: boolean;
}

/**
 * Reads the members of one object, reporting each that is missing or of the wrong JSON type at its
 * path. `failed` says a required member could not be read (the caller then keeps the object as an
 * `other` event rather than inventing a value).
 */
export class MemberReader {
  failed = false;
  constructor(
    readonly source: Json,
    readonly at: string,
    private readonly issue: Report,
  ) {}

  private missing(key: string, required: boolean, wanted: string): undefined {
    if (required) {
      this.failed = true;
      this.issue(`${this.at}.${key}`, "required", `${wanted} is required`);
    }
    return undefined;
  }

  private wrong(key: string, wanted: string, value: unknown, required: boolean): undefined {
    if (required) this.failed = true;
    this.issue(`${this.at}.${key}`, "invalid_type", `${wanted}, got ${describe(value)}`);
    return undefined;
  }

  /** A string member (an open enum's raw value, a name, an id). */
  text(key: string, required = false): string | undefined {
    const value = own(this.source, key);
    if (value === undefined) return this.missing(key, required, "a string");
    return typeof value === "string" ? value : this.wrong(key, "a string", value, required);
  }

  /** A string, or `null` where Meta documents null (a name update's `rejection_reason`). */
  textOrNull(key: string): string | null | undefined {
    return own(this.source, key) === null ? null : this.text(key);
  }

  /** An id Meta sends as a string or a JSON integer: as a string of digits either way. */
  id(key: string, required = false): string | undefined {
    const value = own(this.source, key);
    if (typeof value === "number" && Number.isSafeInteger(value)) return String(value);
    return this.text(key, required);
  }

  /** A finite number, or a string holding one. */
  number(key: string, required = false): number | undefined {
    const value = own(this.source, key);
    if (value === undefined) return this.missing(key, required, "a number");
    const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
    return typeof number === "number" && Number.isFinite(number) ? number : this.wrong(key, "a number", value, required);
  }

  /** Unix seconds, a digit string or a number (Meta's pages show both). */
  seconds(key: string, required = false): number | undefined {
    const value = own(this.source, key);
    if (value === undefined) return this.missing(key, required, "Unix seconds");
    const seconds = secondsOf(value);
    if (seconds === undefined) {
      if (required) this.failed = true;
      this.issue(`${this.at}.${key}`, "invalid_format", `Unix seconds, as digits or a number, got ${quote(value)}`);
    }
    return seconds;
  }

  boolean(key: string): boolean | undefined {
    const value = own(this.source, key);
    if (value === undefined) return undefined;
    return typeof value === "boolean" ? value : this.wrong(key, "true or false", value, false);
  }

  /**
   * Optional members of one kind, each read (and reported) as `kind` reads it, in the order given:
   * those present under their own names, the absent ones left out, ready to spread into an event.
   */
  optional<Kind extends keyof OptionalReads, const Key extends string>(
    kind: Kind,
    ...keys: readonly Key[]
  ): { [Member in Key]?: OptionalReads[Kind] } {
    const present: { [Member in Key]?: OptionalReads[Kind] } = {};
    for (const key of keys) {
      const value = this[kind](key) as OptionalReads[Kind] | undefined;
      if (value !== undefined) defineMember(present, key, value);
    }
    return present;
  }

  object(key: string, required = false): Json | undefined {
    const value = own(this.source, key);
    if (value === undefined || (value === null && !required)) return this.missing(key, required, "an object");
    return isObject(value) ? value : this.wrong(key, "an object", value, required);
  }

  /** The object under `key`, to read in turn (its members' paths under this one's), or undefined as `object` says. */
  member(key: string): MemberReader | undefined {
    const value = this.object(key);
    return value === undefined ? undefined : new MemberReader(value, `${this.at}.${key}`, this.issue);
  }

  /** An array member; each item is the caller's to read (at `${at}.${key}[i]`). */
  list(key: string, required = false): readonly unknown[] | undefined {
    const value = own(this.source, key);
    if (value === undefined) return this.missing(key, required, "an array");
    return Array.isArray(value) ? value : this.wrong(key, "an array", value, required);
  }

  /** The business number (`metadata`) on fields that carry one. */
  metadata(): Metadata | undefined {
    const metadata = this.object("metadata");
    if (metadata === undefined) return undefined;
    const reader = new MemberReader(metadata, `${this.at}.metadata`, this.issue);
    return { display_phone_number: reader.id("display_phone_number") ?? "", phone_number_id: reader.id("phone_number_id") ?? "" };
  }
}

/** Each item of an array that is an object, with its path; an issue for each that is not. */
export function objectsIn(items: readonly unknown[] | undefined, at: string, issue: Report): [Json, string][] {
  const objects: [Json, string][] = [];
  (items ?? []).forEach((item, index) => {
    const path = `${at}[${index}]`;
    if (isObject(item)) objects.push([item, path]);
    else issue(path, "invalid_type", `an object, got ${describe(item)}`);
  });
  return objects;
}
