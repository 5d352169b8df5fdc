import { msg, type TemplateMessage } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";
import { templates } from "./templates.generated.js";

// The generated definitions type application code.
const send = msg.with(templates).to("16505551234");
const order = send.template("order_update", {
  language: "es",
  header: { link: "https://example.com/receipt.png" },
  body: ["Ana", "#42", "$10.99", "26 de noviembre"],
  buttons: { 0: "STOP", 1: "42" },
});
expectType<Equal<ReturnType<typeof order.build>, TemplateMessage>>(true);
send.template("welcome_named", { header: "Ana", body: { first_name: "Ana", store: "Lucky Shrub" } });
send.template("store_location", { header: { latitude: 37.48, longitude: -122.14 }, buttons: { 0: { token: "t" } } });

// new_catalog is PENDING: not generated with --status APPROVED
// @ts-expect-error Argument of type '"new_catalog"' is not assignable to parameter of type
send.template("new_catalog", { body: ["Ana"], buttons: { 0: { thumbnailProductRetailerId: "sku" } } });
// order_update has four body parameters
// @ts-expect-error Type '[string]' is not assignable to type 'readonly [string, string, string, string]'.
send.template("order_update", { language: "en_US", header: { id: "1" }, body: ["Ana"], buttons: { 0: "STOP", 1: "42" } });
// store is a named parameter of welcome_named
// @ts-expect-error Property 'store' is missing in type '{ first_name: string; }' but required in type 'BodyValuesOf<
send.template("welcome_named", { header: "Ana", body: { first_name: "Ana" } });
