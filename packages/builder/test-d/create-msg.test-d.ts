import { buttons, createMsg, pin, template, text } from "@wacompose/builder";

// A composed entry keeps msg's compile-time limits; a kind not composed does not compile, naming it.
const to = "+16505551234";
const m = createMsg({ text, buttons, template, pin });

m.to(to).text("hi").replyTo("wamid.1").build();
m.to(to).buttons("Pick").reply("a", "A").reply("b", "B").reply("c", "C").build();
m.to(to).template("hello").language("en_US").build();
m.toGroup("g").pin("wamid.1", { days: 2 }).build();

// @ts-expect-error Property 'list' does not exist on type 'ComposedRecipient<
m.to(to).list("Menu", "View");
// @ts-expect-error Property 'buttons' does not exist
m.toGroup("g").buttons("Pick");
// @ts-expect-error Property 'pin' does not exist
m.to(to).pin("wamid.1");
// @ts-expect-error interactive.action.buttons: at most 3 reply buttons
m.to(to).buttons("Pick").reply("a", "A").reply("b", "B").reply("c", "C").reply("d", "D");
// @ts-expect-error to: a formatted number must start with + and the country code
m.to("(650) 555-1234");
// @ts-expect-error Object literal may only specify known properties, but 'txt' does not exist
createMsg({ txt: text });
