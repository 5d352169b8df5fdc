import type { CatalogInteractive, LocationRequestInteractive, ProductInteractive } from "../../wire/index.js";
import { InteractiveBase, partsKey, stateKey, WithFooter } from "./interactive-base.js";
import { renderInteractive } from "./parts.js";

/** The product as the builder holds it. */
interface Product {
  readonly catalogId: string;
  readonly productRetailerId: string;
}

/**
 * One product from a catalog; the body is optional and a header is not allowed.
 *
 * @example
 * msg.to(n).product({ catalogId: "367025965434465", productRetailerId: "sku-1" }, "Back in stock").build();
 */
export class ProductBuilder extends WithFooter<ProductInteractive, Product> {
  protected render(): ProductInteractive {
    const action = { catalog_id: this[stateKey].catalogId, product_retailer_id: this[stateKey].productRetailerId };
    return renderInteractive<ProductInteractive>("product", this[partsKey], action);
  }
}

/**
 * The business's catalog, optionally with a thumbnail product.
 *
 * @example
 * msg.to(n).catalog("Browse our new season", { thumbnailProductRetailerId: "sku-1" }).build();
 */
export class CatalogBuilder extends WithFooter<CatalogInteractive, string | undefined> {
  protected render(): CatalogInteractive {
    const thumbnail = this[stateKey];
    const action: CatalogInteractive["action"] =
      thumbnail === undefined
        ? { name: "catalog_message" }
        : { name: "catalog_message", parameters: { thumbnail_product_retailer_id: thumbnail } };
    return renderInteractive<CatalogInteractive>("catalog_message", this[partsKey], action);
  }
}

/**
 * Asks the user to share a location; the answer arrives as an ordinary location message.
 *
 * @example
 * msg.to(n).locationRequest("Where should we deliver?").build();
 */
export class LocationRequestBuilder extends InteractiveBase<LocationRequestInteractive, undefined> {
  protected render(): LocationRequestInteractive {
    return renderInteractive<LocationRequestInteractive>("location_request_message", this[partsKey], { name: "send_location" });
  }
}
