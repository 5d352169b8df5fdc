import { catalogMessageInteractiveRules } from "../../rules/quick/interactive-catalog-message.generated.js";
import { locationRequestMessageInteractiveRules } from "../../rules/quick/interactive-location-request-message.generated.js";
import { productInteractiveRules } from "../../rules/quick/interactive-product.generated.js";
import type { CatalogInteractive, InteractiveMessage, LocationRequestInteractive, ProductInteractive } from "../../wire/index.js";
import { type Addressing, MessageBase } from "../message-base.js";
import { type FooterText, type Parts, renderInteractive, withFooter } from "./parts.js";

// Builder state under module-private symbols, as MessageBase keeps its own (message-base.ts says why).
const partsKey: unique symbol = Symbol();
const productKey: unique symbol = Symbol();
const thumbnailKey: unique symbol = Symbol();

/**
 * One product from a catalog; the body is optional and a header is not allowed.
 *
 * @example
 * msg.to(n).product({ catalogId: "367025965434465", productRetailerId: "sku-1" }, "Back in stock").build();
 */
export class ProductBuilder extends MessageBase<InteractiveMessage<ProductInteractive>> {
  declare private readonly [partsKey]: Parts;
  declare private readonly [productKey]: { readonly catalogId: string; readonly productRetailerId: string };

  /** @internal */
  constructor(addressing: Addressing, parts: Parts, product: { readonly catalogId: string; readonly productRetailerId: string }) {
    super(addressing, productInteractiveRules);
    this[partsKey] = parts;
    this[productKey] = product;
  }

  /** Footer text, at most 60 characters. */
  footer<F extends string>(text: FooterText<F>): ProductBuilder {
    return new ProductBuilder(this.addressing, withFooter(this[partsKey], text), this[productKey]);
  }

  protected withAddressing(addressing: Addressing): this {
    return new ProductBuilder(addressing, this[partsKey], this[productKey]) as this; // same class
  }

  protected render(): ProductInteractive {
    const action = { catalog_id: this[productKey].catalogId, product_retailer_id: this[productKey].productRetailerId };
    return renderInteractive<ProductInteractive>("product", this[partsKey], action);
  }
}

/**
 * The business's catalog, optionally with a thumbnail product.
 *
 * @example
 * msg.to(n).catalog("Browse our new season", { thumbnailProductRetailerId: "sku-1" }).build();
 */
export class CatalogBuilder extends MessageBase<InteractiveMessage<CatalogInteractive>> {
  declare private readonly [partsKey]: Parts;
  declare private readonly [thumbnailKey]: string | undefined;

  /** @internal */
  constructor(addressing: Addressing, parts: Parts, thumbnail: string | undefined) {
    super(addressing, catalogMessageInteractiveRules);
    this[partsKey] = parts;
    this[thumbnailKey] = thumbnail;
  }

  /** Footer text, at most 60 characters. */
  footer<F extends string>(text: FooterText<F>): CatalogBuilder {
    return new CatalogBuilder(this.addressing, withFooter(this[partsKey], text), this[thumbnailKey]);
  }

  protected withAddressing(addressing: Addressing): this {
    return new CatalogBuilder(addressing, this[partsKey], this[thumbnailKey]) as this; // same class
  }

  protected render(): CatalogInteractive {
    const action: CatalogInteractive["action"] =
      this[thumbnailKey] === undefined
        ? { name: "catalog_message" }
        : { name: "catalog_message", parameters: { thumbnail_product_retailer_id: this[thumbnailKey] } };
    return renderInteractive<CatalogInteractive>("catalog_message", this[partsKey], action);
  }
}

/**
 * Asks the user to share a location; the answer arrives as an ordinary location message.
 *
 * @example
 * msg.to(n).locationRequest("Where should we deliver?").build();
 */
export class LocationRequestBuilder extends MessageBase<InteractiveMessage<LocationRequestInteractive>> {
  declare private readonly [partsKey]: Parts;

  /** @internal */
  constructor(addressing: Addressing, parts: Parts) {
    super(addressing, locationRequestMessageInteractiveRules);
    this[partsKey] = parts;
  }

  protected withAddressing(addressing: Addressing): this {
    return new LocationRequestBuilder(addressing, this[partsKey]) as this; // same class
  }

  protected render(): LocationRequestInteractive {
    return renderInteractive<LocationRequestInteractive>("location_request_message", this[partsKey], { name: "send_location" });
  }
}
