import { addressingKey } from "../builders/message-base.js";
import { TemplateBuilder } from "../builders/template/template-builder.js";
import type { KindHost } from "./host.js";

/** A template message by name, `.language(code)` next: `.template(…)` on a recipient of `createMsg({ template })`, as on `msg.to(n)`. */
export function template(this: KindHost, name: string): TemplateBuilder {
  return new TemplateBuilder(this[addressingKey], name);
}
