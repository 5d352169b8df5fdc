import { type ButtonInteractive, type InteractiveMessage, type ListInteractive, msg } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

// Long literals live in consts: they stay literal, so the check applies, and each call stays on its directive's line.
const body1024 =
  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const body1025 =
  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
const header61 = "hhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhhh";
const text21 = "ttttttttttttttttttttt";
const title25 = "rrrrrrrrrrrrrrrrrrrrrrrrr";
const id257 =
  "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii";

const to = "16505551234";

// Reply buttons: 1 to 3, titles ≤ 20.
const buttons = msg.to(to).buttons("Pick a slot").reply("a", "A").reply("b", "B").reply("c", "C");
expectType<Equal<ReturnType<typeof buttons.build>, InteractiveMessage<ButtonInteractive>>>(true);
// @ts-expect-error interactive.action.buttons: at most 3 reply buttons
buttons.reply("d", "D");
// @ts-expect-error interactive.action.buttons: at least 1 reply button
msg.to(to).buttons("Pick a slot").build();
// Duplicate ids are a runtime check only: tracking literal ids in the type tripled the type-check cost.
msg.to(to).buttons("Pick").reply("a", "A").reply("a", "B");
// @ts-expect-error interactive.action.buttons.reply.title: at most 20 characters, got 21
msg.to(to).buttons("Pick").reply("a", text21);
// @ts-expect-error interactive.action.buttons.reply.id: at most 256 characters, got 257
msg.to(to).buttons("Pick").reply(id257, "A");
declare const dynamicId: string;
msg.to(to).buttons("Pick").reply(dynamicId, "A").reply(dynamicId, "B").build(); // non-literal ids: runtime check only

// Bodies: 1024 characters for every interactive kind (the 4096 figure is for text messages).
msg.to(to).buttons(body1024);
// @ts-expect-error interactive.body.text: at most 1024 characters, got 1025
msg.to(to).buttons(body1025);
// @ts-expect-error interactive.body.text: at most 1024 characters, got 1025
msg.to(to).list(body1025, "Menu");
// @ts-expect-error interactive.header.text: at most 60 characters, got 61
msg.to(to).buttons("Pick").header(header61);
// @ts-expect-error interactive.footer.text: at most 60 characters, got 61
msg.to(to).buttons("Pick").footer(header61);
msg
  .to(to)
  .buttons("Pick")
  .header({ image: { link: "https://example.com/a.png" } });
// Two media in one header: one of image, video or document (a runtime TypeError too: hostile-builders.test.ts).
const pick = msg.to(to).buttons("Pick");
// @ts-expect-error Type '{ id: string; }' is not assignable to type 'undefined'.
pick.header({ image: { id: "1" }, video: { id: "2" } });

// Lists: ≤ 10 rows across all sections, button text ≤ 20, row title ≤ 24.
const menu = msg.to(to).list("Menu", "View");
const nine = msg
  .to(to)
  .list("Menu", "View")
  .section("A", (s) => s.row("1", "One").row("2", "Two").row("3", "Three").row("4", "Four").row("5", "Five"))
  .section("B", (s) => s.row("6", "Six").row("7", "Seven").row("8", "Eight").row("9", "Nine"));
const ten = nine.section("C", (s) => s.row("10", "Ten"));
expectType<Equal<ReturnType<typeof ten.build>, InteractiveMessage<ListInteractive>>>(true);
// @ts-expect-error interactive.action.sections: at most 10 rows across all sections
nine.section("C", (s) => s.row("10", "Ten").row("11", "Eleven"));
// @ts-expect-error interactive.action.sections: at most 10 rows across all sections
ten.section("D", (s) => s.row("11", "Eleven"));
// @ts-expect-error interactive.action.button: at most 20 characters, got 21
msg.to(to).list("Menu", text21);
// @ts-expect-error interactive.action.sections.rows.title: at most 24 characters, got 25
menu.section((s) => s.row("1", title25));
// @ts-expect-error interactive.action.sections: at least 1 row
menu.build();
// lists take a text header only
// @ts-expect-error Argument of type '{ image: { id: string; }; }' is not assignable to parameter of type 'string'.
menu.header({ image: { id: "1" } });

// Flow: CTA ≤ 20, flow id or name, navigate data only.
msg.to(to).flow("Book", { flowId: "1", cta: "Book now", screen: "START", data: { guests: 2 } });
msg.to(to).flow("Book", { flowName: "booking", cta: "Book", action: "data_exchange" });
// @ts-expect-error interactive.action.parameters.flow_cta: at most 20 characters, got 21
msg.to(to).flow("Book", { flowId: "1", cta: text21 });
// exactly one of flowId or flowName
// @ts-expect-error Argument of type '{ flowId: string; flowName: string; cta: "Book"; }' is not assignable to parameter of type
msg.to(to).flow("Book", { flowId: "1", flowName: "booking", cta: "Book" });
// data_exchange takes no screen
// @ts-expect-error Argument of type '{ flowId: string; cta: "Book"; action: "data_exchange"; screen: string; }'
msg.to(to).flow("Book", { flowId: "1", cta: "Book", action: "data_exchange", screen: "START" });

// CTA URL, products, catalog, location request.
msg
  .to(to)
  .ctaUrl("See", { text: "Open", url: "https://example.com" })
  .header({ video: { id: "1" } });
// @ts-expect-error interactive.action.parameters.display_text: at most 20 characters, got 21
msg.to(to).ctaUrl("See", { text: text21, url: "https://example.com" });
msg.to(to).product({ catalogId: "1", productRetailerId: "sku" }).footer("Only today");
// product messages take no header
// @ts-expect-error Property 'header' does not exist on type 'ProductBuilder'.
msg.to(to).product({ catalogId: "1", productRetailerId: "sku" }).header("Nope");
msg.to(to).productList({ header: "Picks", body: "For you", catalogId: "1" }).section("Shoes", ["a", "b"]);
// @ts-expect-error interactive.header.text: at most 60 characters, got 61
msg.to(to).productList({ header: header61, body: "For you", catalogId: "1" });
msg.to(to).catalog("Browse", { thumbnailProductRetailerId: "sku" });
msg.to(to).locationRequest("Where should we deliver?").replyTo("wamid.1").build();
// a location request has no footer step
// @ts-expect-error Property 'footer' does not exist on type 'LocationRequestBuilder'.
msg.to(to).locationRequest("Where?").footer("x");
