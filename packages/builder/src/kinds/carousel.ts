import { CarouselBuilder } from "../builders/interactive/carousel.js";
import { type BodyText, bodyPart } from "../builders/interactive/parts.js";
import { addressingKey } from "../builders/message-base.js";
import { carouselInteractiveRules } from "../rules/quick/interactive-carousel.generated.js";
import type { KindHost } from "./host.js";

/** A carousel of 2 to 10 media cards: `.carousel(…)` on a recipient of `createMsg({ carousel })`, as on `msg.to(n)`. */
export function carousel<Body extends string>(this: KindHost, body: BodyText<Body>): CarouselBuilder {
  return new CarouselBuilder(this[addressingKey], carouselInteractiveRules, bodyPart(body), []);
}
