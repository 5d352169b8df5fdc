import { defineTemplates, msg } from "@wacompose/builder";
import {
  copyCodeAuthentication,
  imageCard,
  imageHeader,
  limitedTimeOffer,
  namedWelcome,
  orderUpdate,
} from "../test/fixtures/definition-parts.js";
import { type Equal, expectType } from "./helpers.js";

const to = "16505551234";

// Creation definitions (Meta's create body without name) type the sends, read from the literal texts. The shared
// parts (test/fixtures/definition-parts.ts) keep every text as literal as an inline definition.
const templates = defineTemplates({
  order_update: orderUpdate(imageHeader("4::aW1n")),
  welcome: namedWelcome({ type: "buttons", buttons: [{ type: "copy_code", example: "SAVE10" }] }),
  verify: [copyCodeAuthentication("en_US"), copyCodeAuthentication("es")],
  offer: limitedTimeOffer(
    { type: "BODY", text: "Good news, {{1}}! Use the code below.", example: { body_text: [["Ana"]] } },
    {
      type: "BUTTONS",
      buttons: [
        { type: "COPY_CODE", example: "SAVE10" },
        { type: "URL", text: "Shop", url: "https://example.com/{{1}}", example: ["a"] },
      ],
    },
  ),
  cards: {
    category: "MARKETING",
    language: "en_US",
    components: [
      { type: "BODY", text: "Our picks for you, {{1}}.", example: { body_text: [["Ana"]] } },
      {
        type: "CAROUSEL",
        cards: [imageCard("4::a", [{ type: "QUICK_REPLY", text: "More" }]), imageCard("4::b", [{ type: "QUICK_REPLY", text: "More" }])],
      },
    ],
  },
  legacy: { languages: ["en"], body: ["text"] },
});
const typed = msg.with(templates).to(to);
const link = "https://example.com/a.png";
const price = { fallback: "$10.99", code: "USD", amount1000: 10990 };

// Body values may be text, currency or date_time; a quick reply's payload is optional; a URL with a variable needs its value.
typed.template("order_update", { header: { link }, body: ["Ana", price], buttons: { 1: "42" } }).build();
typed.template("order_update", { header: { link }, body: [{ fallback: "Nov 26" }, "42"], buttons: { 0: "STOP", 1: "42" } }).build();
typed.template("welcome", { header: "Ana", body: { first_name: "Ana", code: "X1" }, buttons: { 0: "SAVE10" } }).build();
typed.template("verify", { language: "es", code: "123456" }).build();
typed.template("offer", { body: ["Ana"], offerExpiresAt: 1_700_000_000_000, buttons: { 0: "SAVE10", 1: "x" } }).build();
typed.template("cards", { body: ["Ana"], cards: [{ header: { link } }, { header: { link } }] }).build();
typed.template("legacy", { body: ["x"] }).build();
expectType<Equal<(typeof templates)["order_update"]["components"][1]["text"], "Hi {{1}}, your order {{2}} ships today.">>(true);

// missing body value: the tuple has 2 places
// @ts-expect-error Source has 1 element(s) but target requires 2
typed.template("order_update", { header: { link }, body: ["Ana"], buttons: { 1: "42" } });
// the URL button's value is required
// @ts-expect-error Property 'buttons' is missing
typed.template("order_update", { header: { link }, body: ["Ana", "42"] });
// named variables by name
// @ts-expect-error Object literal may only specify known properties, and 'name' does not exist
typed.template("welcome", { header: "Ana", body: { name: "Ana", code: "X1" }, buttons: { 0: "SAVE10" } });
// an authentication template in two languages: the language is required, the code is the value
// @ts-expect-error Property 'language' is missing
typed.template("verify", { code: "123456" });
// a limited-time offer needs its expiry
// @ts-expect-error Property 'offerExpiresAt' is missing
typed.template("offer", { body: ["Ana"], buttons: { 0: "SAVE10", 1: "x" } });
// exactly as many cards as the template was created with
// @ts-expect-error Source has 1 element(s) but target requires 2
typed.template("cards", { body: ["Ana"], cards: [{ header: { link } }] });
// authentication templates need a phone number recipient
// @ts-expect-error Argument of type '"verify"' is not assignable to parameter of type
msg.with(templates).toUser("US.13491208655302741918").template("verify", { code: "1" });

// Compile-time creation rules (literal input), each also a runtime test in template-creation.test.ts.
const body = (text: string) => text; // a non-literal text: left to the runtime check
defineTemplates({ dynamic: { category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: body("{{1}} at the start") }] } });

// The invalid definitions below sit in one call: the compiler reports each key's error at its own key.
/** A definition of a body "Hi" and these buttons, typed as literally as an inline definition. */
const buttonsOnly = <const Category extends string, const Buttons extends readonly object[]>(category: Category, buttons: Buttons) => ({
  category,
  language: "en_US" as const,
  components: [
    { type: "BODY" as const, text: "Hi" as const },
    { type: "BUTTONS" as const, buttons },
  ] as const,
});
defineTemplates({
  // @ts-expect-error "Order_Update: name: lowercase a-z, 0-9 and _ only, got \"O\""
  Order_Update: { category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Hi" }] },
  // @ts-expect-error name: at most 512 characters, got 513
  nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn:
    { category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Hi" }] },
  // @ts-expect-error "h: components[0].text: at most 60 characters, got 61"
  h: {
    category: "UTILITY",
    language: "en_US",
    components: [
      { type: "HEADER", format: "TEXT", text: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
      { type: "BODY", text: "Hi" },
    ],
  },
  // @ts-expect-error "b: components[0].text: at most 1024 characters, got 1025"
  b: {
    category: "UTILITY",
    language: "en_US",
    components: [
      {
        type: "BODY",
        text: "Hi {{1}}, yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy.",
        example: { body_text: [["Ana"]] },
      },
    ],
  },
  // @ts-expect-error "f: components[1].text: at most 60 characters, got 61"
  f: {
    category: "UTILITY",
    language: "en_US",
    components: [
      { type: "BODY", text: "Hi" },
      { type: "FOOTER", text: "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" },
    ],
  },
  // @ts-expect-error "q: components[1].buttons[1].text: at most 25 characters, got 26"
  q: buttonsOnly("UTILITY", [
    { type: "QUICK_REPLY", text: "Yes" },
    { type: "QUICK_REPLY", text: "xxxxxxxxxxxxxxxxxxxxxxxxxx" },
  ]),
  // @ts-expect-error "t: components[1].buttons: at most 10 buttons in total, got 11"
  t: buttonsOnly("MARKETING", [
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
    { type: "QUICK_REPLY", text: "a" },
  ]),
  // @ts-expect-error "u: components[1].buttons: at most 2 URL button(s), got 3"
  u: buttonsOnly("MARKETING", [
    { type: "URL", text: "a", url: "https://example.com" },
    { type: "URL", text: "a", url: "https://example.com" },
    { type: "URL", text: "a", url: "https://example.com" },
  ]),
  // @ts-expect-error "p: components[1].buttons: at most 1 PHONE_NUMBER button(s), got 2"
  p: buttonsOnly("UTILITY", [
    { type: "PHONE_NUMBER", text: "a", phone_number: "+1650" },
    { type: "PHONE_NUMBER", text: "a", phone_number: "+1650" },
  ]),
  // @ts-expect-error "c: components[1].buttons: at most 1 COPY_CODE button(s), got 2"
  c: buttonsOnly("MARKETING", [
    { type: "COPY_CODE", example: "A" },
    { type: "COPY_CODE", example: "B" },
  ]),
  // @ts-expect-error "s: components[0].text: the text starts with a variable"
  s: { category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "{{1}} is here", example: { body_text: [["Ana"]] } }] },
  // @ts-expect-error "e: components[0].text: the text ends with a variable"
  e: { category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Hello {{1}}", example: { body_text: [["Ana"]] } }] },
  // @ts-expect-error "a: components[0].text: two variables are next to each other: put words between them"
  a: {
    category: "UTILITY",
    language: "en_US",
    components: [{ type: "BODY", text: "Hi {{1}} {{2}} there", example: { body_text: [["A", "B"]] } }],
  },
  // @ts-expect-error "m: components[0]: 2 variable(s) need an example"
  m: { category: "UTILITY", language: "en_US", components: [{ type: "BODY", text: "Hi {{1}} and {{2}} there" }] },
  // @ts-expect-error "n: components[0].example.body_text: 2 variable(s) need as many examples, got 1"
  n: {
    category: "UTILITY",
    language: "en_US",
    components: [{ type: "BODY", text: "Hi {{1}} and {{2}} there", example: { body_text: [["A"]] } }],
  },
  // @ts-expect-error "k: components[0].example: {{code}} needs an example in body_text_named_params"
  k: {
    category: "UTILITY",
    language: "en_US",
    parameter_format: "NAMED",
    components: [
      { type: "BODY", text: "Hi {{name}}, {{code}} it is.", example: { body_text_named_params: [{ param_name: "name", example: "Ana" }] } },
    ],
  },
  // @ts-expect-error "x: components[0].example.header_text: the variable needs example.header_text
  x: {
    category: "UTILITY",
    language: "en_US",
    components: [
      { type: "HEADER", format: "TEXT", text: "Hi {{1}}!", example: { header_text: [] } },
      { type: "BODY", text: "Hi" },
    ],
  },
  // @ts-expect-error "l: [1].components[0].text: the text ends with a variable"
  l: [
    { category: "UTILITY", language: "en", components: [{ type: "BODY", text: "Hi" }] },
    { category: "UTILITY", language: "es", components: [{ type: "BODY", text: "Hola {{1}}", example: { body_text: [["A"]] } }] },
  ],
});
