import type { limits } from "../../limits.js";
import type { MaxLength } from "../../type-checks.js";
import type { Interactive, InteractiveHeader, MediaSource } from "../../wire/index.js";
import { objectArgument } from "../arguments.js";

/** A media header: an image, video or document by `id` or `link`. */
export type MediaHeader =
  | { readonly image: MediaSource; readonly video?: never; readonly document?: never }
  | { readonly video: MediaSource; readonly image?: never; readonly document?: never }
  | { readonly document: MediaSource; readonly image?: never; readonly video?: never };

/**
 * The header, body and footer an interactive builder has collected so far. All three keys
 * are always present (undefined when unset): one object shape keeps every step fast.
 */
export interface Parts {
  readonly header: InteractiveHeader | undefined;
  readonly body: string | undefined;
  readonly footer: string | undefined;
}

export const bodyPart = (body: string | undefined): Parts => ({ header: undefined, body, footer: undefined });
export const withHeader = (parts: Parts, header: InteractiveHeader): Parts => ({ header, body: parts.body, footer: parts.footer });
/** `.header(header, { subText })` on a builder that takes a text or media header: the parts with that header. */
export const withHeaderOf = (parts: Parts, header: string | MediaHeader, options: { readonly subText?: string | undefined }): Parts =>
  withHeader(parts, headerPart(header, objectArgument(options, "interactive.header options", ["subText"]).subText));
export const withFooter = (parts: Parts, footer: string): Parts => ({ header: parts.header, body: parts.body, footer });

export type BodyText<B extends string> = MaxLength<B, typeof limits.interactive.body.max, "interactive.body.text">;
export type FooterText<F extends string> = MaxLength<F, typeof limits.interactive.footer.max, "interactive.footer.text">;
export type HeaderText<H extends string> = MaxLength<H, typeof limits.interactive.header.max, "interactive.header.text">;
export type SubText<S extends string> = MaxLength<S, typeof limits.interactive.header.max, "interactive.header.sub_text">;

const mediaKeys = ["image", "video", "document"] as const;
type MediaKey = (typeof mediaKeys)[number];

/**
 * The header in the API's form: a text header, or a media header copied so later changes by
 * the caller do not leak in. Held so, a build copies it by its `type` alone (renderHeader).
 */
export function headerPart(header: string | MediaHeader, subText?: string): InteractiveHeader {
  if (typeof header === "object" && header !== null) {
    // Own keys only, and one of them: a second medium would otherwise be dropped without a word.
    const media = mediaKeys.filter((key) => Object.hasOwn(header, key));
    if (media.length > 1) throw new TypeError(`interactive.header: one of image, video or document, got ${media.join(" and ")}`);
    const medium = media[0];
    // A sub-text goes with a text header only: with media it would be dropped without a word.
    if (medium !== undefined && subText !== undefined)
      throw new TypeError(`interactive.header.sub_text: goes with a text header only, got a header of type ${medium}`);
    if (medium !== undefined) return copyMedia(medium, header as MediaSources);
  }
  // Anything else is taken as text: validate() names what is wrong with it at build time.
  const text = header as string;
  return subText === undefined ? { type: "text", text } : { type: "text", text, sub_text: subText };
}

type MediaSources = { readonly [M in MediaKey]: MediaSource };

/** `{ type: medium, [medium]: a copy of the source }`. */
const copyMedia = (medium: MediaKey, header: MediaSources): InteractiveHeader =>
  ({ type: medium, [medium]: { ...header[medium] } }) as InteractiveHeader;

/** A fresh copy of a header as the builder holds it. */
const renderHeader = (header: InteractiveHeader): InteractiveHeader =>
  header.type === "text" ? { ...header } : copyMedia(header.type, header as InteractiveHeader & MediaSources);

/** The `interactive` object of `type`: fresh header, body and footer objects, then the action. */
export function renderInteractive<I extends Interactive>(type: I["type"], parts: Parts, action: I["action"]): I {
  const { header, body, footer } = parts;
  // With a body (the usual case), one object literal per header/footer combination: one allocation and a shape
  // fixed at its site, where adding keys one by one grows the object and its shape a step at a time.
  if (body !== undefined && header === undefined) {
    return (
      footer === undefined ? { type, body: { text: body }, action } : { type, body: { text: body }, footer: { text: footer }, action }
    ) as I;
  }
  if (body !== undefined && header !== undefined) {
    const top = renderHeader(header);
    return (
      footer === undefined
        ? { type, header: top, body: { text: body }, action }
        : { type, header: top, body: { text: body }, footer: { text: footer }, action }
    ) as I;
  }
  const interactive: Record<string, unknown> = { type };
  if (header !== undefined) interactive.header = renderHeader(header);
  if (footer !== undefined) interactive.footer = { text: footer };
  interactive.action = action;
  return interactive as I; // each kind's builder passes only the parts its type allows
}
