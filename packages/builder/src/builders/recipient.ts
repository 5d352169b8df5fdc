import { buttons } from "../kinds/buttons.js";
import { callPermissionRequest } from "../kinds/call-permission-request.js";
import { carousel } from "../kinds/carousel.js";
import { catalog } from "../kinds/catalog.js";
import { contacts } from "../kinds/contacts.js";
import { ctaUrl } from "../kinds/cta-url.js";
import { flow } from "../kinds/flow.js";
import { placeKinds } from "../kinds/host.js";
import { list } from "../kinds/list.js";
import { location } from "../kinds/location.js";
import { locationRequest } from "../kinds/location-request.js";
import { product } from "../kinds/product.js";
import { productCarousel } from "../kinds/product-carousel.js";
import { productList } from "../kinds/product-list.js";
import { react } from "../kinds/react.js";
import { requestContactInfo } from "../kinds/request-contact-info.js";
import { voiceCall } from "../kinds/voice-call.js";
import { AnyRecipient } from "./any-recipient.js";
import type { ContactBuilder } from "./contacts.js";

/**
 * The messages you can send to one person: everything a group can receive, and reactions,
 * locations, contacts and interactive messages. Returned by `msg.to(number)` and `msg.toUser(bsuid)`.
 * Every kind: `msg` is the convenient, large path; `createMsg({ text, … })` carries only the kinds named.
 *
 * @example
 * msg.to("+16505551234").text("Your order shipped", { previewUrl: true })
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface names the kinds placeKinds() puts on the prototype below
export class Recipient extends AnyRecipient {}

export interface Recipient {
  /** Reacts with exactly one emoji (skin tones, flags, ZWJ sequences included); `""` removes the reaction. */
  react: typeof react;
  /** A location pin, in decimal degrees. */
  location: typeof location;
  /**
   * One to five contact cards, each with a name.
   *
   * @example
   * msg.to(n).contacts((c) => c.contact((p) => p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+16505551234")))
   */
  contacts: typeof contacts;
  /** Reply buttons: add 1 to 3 with `.reply(id, title)`. Body at most 1024 characters. */
  buttons: typeof buttons;
  /** A list: `buttonText` (≤ 20 characters) opens it; add sections with `.section()`. */
  list: typeof list;
  /** A WhatsApp Flow, by `flowId` or `flowName`, with a CTA of at most 20 characters and no emoji. */
  flow: typeof flow;
  /** A call-to-action button that opens `url`; its label is at most 20 characters. */
  ctaUrl: typeof ctaUrl;
  /** One catalog product; the body is optional. */
  product: typeof product;
  /** Several catalog products in sections (`.section(title, ids)`); a text header is required. */
  productList: typeof productList;
  /** The catalog, optionally with a thumbnail product. */
  catalog: typeof catalog;
  /** A carousel of 2 to 10 media cards (`.card()`), each with a URL button or quick replies. */
  carousel: typeof carousel;
  /** A carousel of 2 to 10 products of one catalog. */
  productCarousel: typeof productCarousel;
  /** A button that starts a WhatsApp voice call to the business. */
  voiceCall: typeof voiceCall;
  /** Asks the user to share their contact details. */
  requestContactInfo: typeof requestContactInfo;
  /** Asks the user's permission to call them; the body is optional. */
  callPermissionRequest: typeof callPermissionRequest;
  /** Asks the user to share their location. */
  locationRequest: typeof locationRequest;
}

placeKinds(Recipient.prototype, {
  react,
  location,
  contacts,
  buttons,
  list,
  flow,
  ctaUrl,
  product,
  productList,
  catalog,
  carousel,
  productCarousel,
  voiceCall,
  requestContactInfo,
  callPermissionRequest,
  locationRequest,
});

export type { ContactBuilder };
