import type { CatalogInteractive, InteractiveMessage, LocationRequestInteractive, ProductInteractive } from "../../payload/index.js";
import { catalogMessageInteractiveRules } from "../../rules/quick/interactive-catalog-message.generated.js";
import { locationRequestMessageInteractiveRules } from "../../rules/quick/interactive-location-request-message.generated.js";
import { productInteractiveRules } from "../../rules/quick/interactive-product.generated.js";
import { type Envelope, MessageBase } from "../message-base.js";
import { type FooterText, type Parts, renderInteractive, withFooter } from "./parts.js";

/**
 * One product from a catalog; the body is optional and a header is not allowed.
 *
 * @example
 * msg.to(n).product({ catalogId: "367025965434465", productRetailerId: "sku-1" }, "Back in stock").build();
 */
export class ProductBuilder extends MessageBase<InteractiveMessage<ProductInteractive>> {
  readonly #parts: Parts;
  readonly #product: { readonly catalogId: string; readonly productRetailerId: string };

  /** @internal */
  constructor(envelope: Envelope, parts: Parts, product: { readonly catalogId: string; readonly productRetailerId: string }) {
    super(envelope, productInteractiveRules);
    this.#parts = parts;
    this.#product = product;
  }

  /** Footer text, at most 60 characters. */
  footer<F extends string>(text: FooterText<F>): ProductBuilder {
    return new ProductBuilder(this.envelope, withFooter(this.#parts, text), this.#product);
  }

  protected withEnvelope(envelope: Envelope): this {
    return new ProductBuilder(envelope, this.#parts, this.#product) as this; // same class
  }

  protected render(): ProductInteractive {
    const action = { catalog_id: this.#product.catalogId, product_retailer_id: this.#product.productRetailerId };
    return renderInteractive<ProductInteractive>("product", this.#parts, action);
  }
}

/**
 * The business's catalog, optionally with a thumbnail product.
 *
 * @example
 * msg.to(n).catalog("Browse our new season", { thumbnailProductRetailerId: "sku-1" }).build();
 */
export class CatalogBuilder extends MessageBase<InteractiveMessage<CatalogInteractive>> {
  readonly #parts: Parts;
  readonly #thumbnail: string | undefined;

  /** @internal */
  constructor(envelope: Envelope, parts: Parts, thumbnail: string | undefined) {
    super(envelope, catalogMessageInteractiveRules);
    this.#parts = parts;
    this.#thumbnail = thumbnail;
  }

  /** Footer text, at most 60 characters. */
  footer<F extends string>(text: FooterText<F>): CatalogBuilder {
    return new CatalogBuilder(this.envelope, withFooter(this.#parts, text), this.#thumbnail);
  }

  protected withEnvelope(envelope: Envelope): this {
    return new CatalogBuilder(envelope, this.#parts, this.#thumbnail) as this; // same class
  }

  protected render(): CatalogInteractive {
    const action: CatalogInteractive["action"] =
      this.#thumbnail === undefined
        ? { name: "catalog_message" }
        : { name: "catalog_message", parameters: { thumbnail_product_retailer_id: this.#thumbnail } };
    return renderInteractive<CatalogInteractive>("catalog_message", this.#parts, action);
  }
}

/**
 * Asks the user to share a location; the answer arrives as an ordinary location message.
 *
 * @example
 * msg.to(n).locationRequest("Where should we deliver?").build();
 */
export class LocationRequestBuilder extends MessageBase<InteractiveMessage<LocationRequestInteractive>> {
  readonly #parts: Parts;

  /** @internal */
  constructor(envelope: Envelope, parts: Parts) {
    super(envelope, locationRequestMessageInteractiveRules);
    this.#parts = parts;
  }

  protected withEnvelope(envelope: Envelope): this {
    return new LocationRequestBuilder(envelope, this.#parts) as this; // same class
  }

  protected render(): LocationRequestInteractive {
    return renderInteractive<LocationRequestInteractive>("location_request_message", this.#parts, { name: "send_location" });
  }
}
