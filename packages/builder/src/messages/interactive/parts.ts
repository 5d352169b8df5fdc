import type { limits } from "../../limits.js";
import type { Interactive, InteractiveHeader, MediaSource } from "../../payload/index.js";
import type { MaxLength } from "../../type-checks.js";

/** A media header: an image, video or document by `id` or `link`. */
export type MediaHeader = { readonly image: MediaSource } | { readonly video: MediaSource } | { readonly document: MediaSource };

/** The header, body and footer an interactive builder has collected so far. */
export interface Parts {
  readonly header?: { readonly text: string; readonly subText?: string | undefined } | MediaHeader;
  readonly body?: string;
  readonly footer?: string;
}

export type BodyText<B extends string> = MaxLength<B, typeof limits.interactive.body.max, "interactive.body.text">;
export type FooterText<F extends string> = MaxLength<F, typeof limits.interactive.footer.max, "interactive.footer.text">;
export type HeaderText<H extends string> = MaxLength<H, typeof limits.interactive.header.max, "interactive.header.text">;
export type SubText<S extends string> = MaxLength<S, typeof limits.interactive.header.max, "interactive.header.sub_text">;

/** A text header, or a media header copied so later changes by the caller do not leak in. */
export function headerPart(header: string | MediaHeader, subText?: string): NonNullable<Parts["header"]> {
  if (typeof header === "string") return { text: header, subText };
  if ("image" in header) return { image: { ...header.image } };
  if ("video" in header) return { video: { ...header.video } };
  return { document: { ...header.document } };
}

function renderHeader(header: NonNullable<Parts["header"]>): InteractiveHeader {
  if ("text" in header) {
    return header.subText === undefined
      ? { type: "text", text: header.text }
      : { type: "text", text: header.text, sub_text: header.subText };
  }
  if ("image" in header) return { type: "image", image: { ...header.image } };
  if ("video" in header) return { type: "video", video: { ...header.video } };
  return { type: "document", document: { ...header.document } };
}

/** The `interactive` object of `type`: fresh header, body and footer objects, then the action. */
export function renderInteractive<I extends Interactive>(type: I["type"], parts: Parts, action: I["action"]): I {
  const interactive: Record<string, unknown> = { type };
  if (parts.header !== undefined) interactive.header = renderHeader(parts.header);
  if (parts.body !== undefined) interactive.body = { text: parts.body };
  if (parts.footer !== undefined) interactive.footer = { text: parts.footer };
  interactive.action = action;
  return interactive as I; // each kind's builder passes only the parts its type allows
}
