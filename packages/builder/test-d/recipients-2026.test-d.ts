import { type CarouselInteractive, defineTemplates, type InteractiveMessage, msg } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

// Groups take text, media and templates only: interactive kinds, reactions, locations and contacts are not offered.
const group = msg.toGroup("Y2FwaV9ncm91cDox");
group.text("Hi all").build();
group.image({ link: "https://example.com/a.png" }).build();
// @ts-expect-error Property 'buttons' does not exist on type 'GroupRecipient'
group.buttons("Pick one");
// @ts-expect-error Property 'carousel' does not exist on type 'GroupRecipient'
group.carousel("Latest");
// @ts-expect-error Property 'react' does not exist on type 'GroupRecipient'
group.react("wamid.1", "👍");

// Business-scoped user ids.
msg.toUser("US.13491208655302741918").text("Hi").build();
msg.toUser("US.ENT.11815799212886844830", { phone: "+16505551234" }).text("Hi").build();
// @ts-expect-error recipient: a business-scoped user id looks like US.13491208655302741918
msg.toUser("13491208655302741918");

// Carousels: 2 to 10 cards.
const image = { image: { link: "https://example.com/a.jpg" } } as const;
const button = { button: { text: "Buy now", url: "https://example.com/a" } } as const;
const ten = msg
  .to("16505551234")
  .carousel("Latest")
  .card(image, button)
  .card(image, button)
  .card(image, button)
  .card(image, button)
  .card(image, button)
  .card(image, button)
  .card(image, button)
  .card(image, button)
  .card(image, button)
  .card(image, button);
expectType<Equal<ReturnType<typeof ten.build>, InteractiveMessage<CarouselInteractive>>>(true);
// @ts-expect-error interactive.action.cards: at most 10 cards
ten.card(image, button);
// @ts-expect-error interactive.action.cards: at least 2 cards
msg.to("16505551234").carousel("Latest").card(image, button).build();
const latest = msg.to("16505551234").carousel("Latest");
// @ts-expect-error interactive.action.cards.action.parameters.display_text: at most 20 characters, got 21
latest.card(image, { button: { text: "ttttttttttttttttttttt", url: "https://x.io" } });
msg
  .to("16505551234")
  .productCarousel("Picks", { catalogId: "C", products: ["a", "b"] })
  .build();
// @ts-expect-error interactive.action.cards: at least 2 products
msg.to("16505551234").productCarousel("Picks", { catalogId: "C", products: ["a"] });
// @ts-expect-error interactive.action.cards: at most 10 products
msg.to("16505551234").productCarousel("Picks", { catalogId: "C", products: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"] });

// A business-scoped user id alone cannot take an authentication template (the API answers 131062).
const templates = defineTemplates({
  login_code: { languages: ["en_US"], category: "AUTHENTICATION", body: ["text"], buttons: { 0: "url" } },
  order_update: { languages: ["en_US"], category: "UTILITY", body: ["text"] },
});
msg
  .with(templates)
  .toUser("US.1349")
  .template("order_update", { body: ["Ana"] })
  .build();
msg
  .with(templates)
  .toUser("US.1349", { phone: "+16505551234" })
  .template("login_code", { body: ["123456"], buttons: { 0: "123456" } });
const code = { body: ["123456"], buttons: { 0: "123456" } } as const;
const byBsuid = msg.with(templates).toUser("US.1349");
const inGroup = msg.with(templates).toGroup("G1");
// @ts-expect-error Argument of type '"login_code"' is not assignable to parameter of type '"order_update"'
byBsuid.template("login_code", code);
// @ts-expect-error Argument of type '"login_code"' is not assignable to parameter of type '"order_update"'
inGroup.template("login_code", code);

// Voice notes, identity checks, calls.
msg.to("16505551234").audio({ id: "1" }, { voice: true }).identityKeyHash("DF2lS5v2W6x=").build();
msg.to("16505551234").voiceCall("Call us", { text: "Call on WhatsApp", ttlMinutes: 100 }).build();
// @ts-expect-error interactive.action.parameters.display_text: at most 20 characters, got 21
msg.to("16505551234").voiceCall("Call us", { text: "ttttttttttttttttttttt" });
msg.to("16505551234").requestContactInfo("May we have your number?").build();

// A carousel template's cards are values, exactly as many as the template has.
const carouselTemplates = defineTemplates({ summer: { languages: ["en_US"], carousel: { cards: 2, header: "image" } } });
const summer = msg.with(carouselTemplates).to("16505551234");
summer.template("summer", { cards: [{ header: { id: "1" } }, { header: { id: "2" } }] }).build();
// @ts-expect-error Source has 1 element(s) but target requires 2
summer.template("summer", { cards: [{ header: { id: "1" } }] });

// Pins: a group's messages only.
msg.toGroup("G1").pin("wamid.1", { days: 7 }).build();
msg.toGroup("G1").unpin("wamid.1").build();
// @ts-expect-error Property 'pin' does not exist on type 'Recipient'
msg.to("16505551234").pin("wamid.1");

// A template's multi-product button takes its products, typed.
const arrivals = defineTemplates({ new_arrivals: { languages: ["en_US"], buttons: { 0: "mpm" } } });
msg
  .with(arrivals)
  .to("16505551234")
  .template("new_arrivals", { buttons: { 0: { thumbnailProductRetailerId: "sku-1", sections: [{ productRetailerIds: ["sku-1"] }] } } })
  .build();
const toArrivals = msg.with(arrivals).to("16505551234");
// @ts-expect-error Type 'string' is not assignable to type 'MultiProduct'
toArrivals.template("new_arrivals", { buttons: { 0: "sku-1" } });
