import { defineTemplates, msg, type TemplateMessage } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

const to = "16505551234";

// .build() exists only after .language().
const order = msg.to(to).template("order_update");
// @ts-expect-error template.language: call .language(code) before .build()
order.build();
const ready = order.language("en_US").body((p) => p.text("Ana").currency({ fallback: "$10.99", code: "USD", amount1000: 10990 }));
expectType<Equal<ReturnType<typeof ready.build>, TemplateMessage>>(true);

// Button indexes: 0–9, each once.
ready.quickReply(0, "STOP").urlButton("1", "track/42").copyCode(9, "SAVE10");
// @ts-expect-error template buttons: index must be 0 to 9, got 10
ready.quickReply(10, "STOP");
// @ts-expect-error template buttons: index 0 is already used
ready.quickReply(0, "STOP").urlButton(0, "track/42");
declare const dynamicIndex: number;
ready.quickReply(dynamicIndex, "STOP"); // non-literal: checked at runtime
// @ts-expect-error template.components.parameters.coupon_code: at most 15 characters, got 16
ready.copyCode(2, "SAVE10SAVE10SAVE");
// @ts-expect-error template.components.header.parameters.text: at most 60 characters, got 61
ready.header((p) => p.text("hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh"));
// @ts-expect-error Property 'amount1000' is missing in type '{ fallback: string; code: string; }' but required in type 'Currency'
ready.body((p) => p.currency({ fallback: "$1", code: "USD" }));

// Typed definitions.
const templates = defineTemplates({
  order_update: { languages: ["en_US"], header: "image", body: ["text", "currency"], buttons: { 0: "quick_reply", 1: "url" } },
  welcome: { languages: ["en", "es"], body: { first_name: "text" } },
  hello_world: { languages: ["en_US"] },
});
const typed = msg.with(templates).to(to);
const link = "https://example.com/receipt.png";
const price = { fallback: "$10.99", code: "USD", amount1000: 10990 };

typed.template("order_update", { header: { link }, body: ["Ana", price], buttons: { 0: "STOP", 1: "track/42" } }).build();
typed
  .template("welcome", { language: "es", body: { first_name: "Ana" } })
  .replyTo("wamid.1")
  .build();
typed.template("hello_world", {}).build();
// A quick reply's payload is optional (the template's own is sent); other buttons need their value.
typed.template("order_update", { header: { link }, body: ["Ana", price], buttons: { 1: "track/42" } }).build();
msg
  .with(defineTemplates({ confirm: { languages: ["en"], buttons: { 0: "quick_reply", 1: "quick_reply" } } }))
  .to(to)
  .template("confirm", {})
  .build();

// unknown template name
// @ts-expect-error Argument of type '"order_updates"' is not assignable to parameter of type
typed.template("order_updates", {});
// missing body parameter: Source has 1 element(s) but target requires 2
// @ts-expect-error Type '[string]' is not assignable to type 'readonly [string, Currency]'.
typed.template("order_update", { header: { link }, body: ["Ana"], buttons: { 0: "STOP", 1: "track/42" } });
// extra body parameter
// @ts-expect-error Type '[string, { fallback: string; code: string; amount1000: number; }, string]' is not assignable to type
typed.template("order_update", { header: { link }, body: ["Ana", price, "extra"], buttons: { 0: "STOP", 1: "track/42" } });
// wrongly typed parameter: a currency where text is expected
// @ts-expect-error Type '{ fallback: string; code: string; amount1000: number; }' is not assignable to type 'string'.
typed.template("order_update", { header: { link }, body: [price, price], buttons: { 0: "STOP", 1: "track/42" } });
// missing header
// @ts-expect-error Argument of type '{ body: [string, { fallback: string; code: string; amount1000: number; }]
typed.template("order_update", { body: ["Ana", price], buttons: { 0: "STOP", 1: "track/42" } });
// missing button value for index 1
// @ts-expect-error Type '{ 0: string; }' is not assignable to type 'ButtonValuesOf<
typed.template("order_update", { header: { link }, body: ["Ana", price], buttons: { 0: "STOP" } });
// named parameter missing
// @ts-expect-error Property 'first_name' is missing in type '{}' but required in type 'BodyValuesOf<
typed.template("welcome", { language: "en", body: {} });
// language must be one of the template's
// @ts-expect-error Type '"de"' is not assignable to type '"en" | "es"'.
typed.template("welcome", { language: "de", body: { first_name: "Ana" } });
// language is required when the template has several
// @ts-expect-error Argument of type '{ body: { first_name: string; }; }' is not assignable to parameter of type
typed.template("welcome", { body: { first_name: "Ana" } });
// hello_world takes no body
// @ts-expect-error Type 'string[]' is not assignable to type 'never'.
typed.template("hello_world", { body: ["x"] });
