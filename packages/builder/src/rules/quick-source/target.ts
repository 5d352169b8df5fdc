import type { Rule } from "../rule.js";
import type { SharedPart } from "./parts.js";

/** One generated module to write: `root`'s check and explanation, and for a message kind a `KindRules` pairing them. */
export interface QuickTarget {
  readonly file: string;
  /** The yes/no check's export: `textMessagePasses`. */
  readonly exportName: string;
  /** The explanation's export: `explainTextMessage`. */
  readonly explainName: string;
  /** The rule checked and explained; none for a module of shared parts only. */
  readonly root?: Rule;
  readonly comment: string;
  /** The word naming the root's constants (default `message`): `envelope`, `markRead`. */
  readonly rootWord?: string;
  /** When set, also exports `{ type, passes, explain }` for the builders as `rulesName`. */
  readonly kind?: { readonly type: string; readonly rulesName: string };
  /**
   * Fields and refinements of the root that another generated module checks (the envelope, the
   * same for every kind): the root calls its `name` (and `explainName`) instead of repeating them.
   */
  readonly shared?: {
    readonly module: string;
    readonly name: string;
    readonly explainName: string;
    readonly fields: readonly string[];
    readonly refine: readonly object[];
  };
  /**
   * Parts several roots share (quick-source/parts.ts), written once in `module`: that module
   * exports them (`exported`), every other imports them where its root has one.
   */
  readonly parts?: { readonly module: string; readonly list: readonly SharedPart[]; readonly exported: boolean };
  /** The root is part of a larger object (the envelope): it takes an object and leaves the key check to its caller. */
  readonly part?: boolean;
  /**
   * Root fields a builder always writes itself, from constants (`messaging_product`,
   * `recipient_type`, `type`): the builder path does not check them (see checks.ts).
   */
  readonly builderWrites?: readonly string[];
  /**
   * Refinements of the root that no body a builder assembles breaks, whatever the caller gave (a kind a group
   * takes, a pin aside, holds `groupsTakeSomeKinds` whoever it goes to): the builder path's explanation leaves them
   * out, as its check does (the envelope's check states that refinement, and says yes).
   */
  readonly builderCannotBreak?: readonly object[];
}
