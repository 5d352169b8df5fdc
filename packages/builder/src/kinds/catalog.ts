import { objectArgument } from "../builders/arguments.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { CatalogBuilder } from "../builders/interactive/product.js";
import { addressingKey } from "../builders/message-base.js";
import { catalogMessageInteractiveRules } from "../rules/quick/interactive-catalog-message.generated.js";
import type { KindHost } from "./host.js";

/** The catalog: `.catalog(…)` on a recipient of `createMsg({ catalog })`, as on `msg.to(n)`. */
export function catalog<Body extends string>(
  this: KindHost,
  body: BodyText<Body>,
  options: { readonly thumbnailProductRetailerId?: string } = {},
): CatalogBuilder {
  return new CatalogBuilder(
    this[addressingKey],
    catalogMessageInteractiveRules,
    bodyPart(body),
    objectArgument(options, "catalog options", ["thumbnailProductRetailerId"]).thumbnailProductRetailerId,
  );
}
