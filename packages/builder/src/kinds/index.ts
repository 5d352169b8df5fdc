// Every kind, each a module of its own (its builder and, through it, its generated check): what
// `createMsg({ … })` composes and `msg` carries all of. Re-exported from the package root.
export { audio } from "./audio.js";
export { buttons } from "./buttons.js";
export { callPermissionRequest } from "./call-permission-request.js";
export { carousel } from "./carousel.js";
export { catalog } from "./catalog.js";
export { contacts } from "./contacts.js";
export { ctaUrl } from "./cta-url.js";
export { document } from "./document.js";
export { flow } from "./flow.js";
export { image } from "./image.js";
export { list } from "./list.js";
export { location } from "./location.js";
export { locationRequest } from "./location-request.js";
export { pin } from "./pin.js";
export { product } from "./product.js";
export { productCarousel } from "./product-carousel.js";
export { productList } from "./product-list.js";
export { react } from "./react.js";
export { requestContactInfo } from "./request-contact-info.js";
export { sticker } from "./sticker.js";
export { template } from "./template.js";
export { text } from "./text.js";
export { unpin } from "./unpin.js";
export { video } from "./video.js";
export { voiceCall } from "./voice-call.js";
