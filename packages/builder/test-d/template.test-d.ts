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
// @ts-expect-error currency needs amount1000
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

// @ts-expect-error unknown template name
typed.template("order_updates", {});
// @ts-expect-error missing body parameter: Source has 1 element(s) but target requires 2
typed.template("order_update", { header: { link }, body: ["Ana"], buttons: { 0: "STOP", 1: "track/42" } });
// @ts-expect-error extra body parameter
typed.template("order_update", { header: { link }, body: ["Ana", price, "extra"], buttons: { 0: "STOP", 1: "track/42" } });
// @ts-expect-error wrongly typed parameter: a currency where text is expected
typed.template("order_update", { header: { link }, body: [price, price], buttons: { 0: "STOP", 1: "track/42" } });
// @ts-expect-error missing header
typed.template("order_update", { body: ["Ana", price], buttons: { 0: "STOP", 1: "track/42" } });
// @ts-expect-error missing button value for index 1
typed.template("order_update", { header: { link }, body: ["Ana", price], buttons: { 0: "STOP" } });
// @ts-expect-error named parameter missing
typed.template("welcome", { language: "en", body: {} });
// @ts-expect-error language must be one of the template's
typed.template("welcome", { language: "de", body: { first_name: "Ana" } });
// @ts-expect-error language is required when the template has several
typed.template("welcome", { body: { first_name: "Ana" } });
// @ts-expect-error hello_world takes no body
typed.template("hello_world", { body: ["x"] });
