import { graphErrorCodes } from "@wacompose/builder";

/** A management request refused: the Graph code (and subcode), Meta's title, and the details that say where and why. */
export class TemplateRequestError extends Error {
  override readonly name = "TemplateRequestError";
  readonly code: number;
  readonly subcode: number | undefined;
  readonly title: string | undefined;
  constructor(details: string, options: { readonly code?: number; readonly subcode?: number; readonly title?: string } = {}) {
    super(details);
    this.code = options.code ?? graphErrorCodes.invalidParameter;
    this.subcode = options.subcode;
    this.title = options.title;
  }
}
