import { msg } from "@wacompose/builder";

// Long literals live in consts: they stay literal, so the check applies, and each call stays on its directive's line.
const c512 =
  "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
const c513 =
  "ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";
const w129 =
  "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww";

const text = msg.to("16505551234").text("hi");

// biz_opaque_callback_data: at most 512 characters.
text.callbackData(c512);
// @ts-expect-error biz_opaque_callback_data: at most 512 characters, got 513
text.callbackData(c513);

// context.message_id: a wamid is at most 128 characters.
text.replyTo("wamid.HBgL");
// @ts-expect-error context.message_id: at most 128 characters, got 129
text.replyTo(w129);
// @ts-expect-error message_id: at most 128 characters, got 129
msg.markRead(w129);

// Builders are immutable: there is no way to set fields after the fact.
// no mutable state is exposed
// @ts-expect-error Property 'to' does not exist on type 'MessageBuilder<TextMessage>'.
text.to = "1";

// Mark-as-read has its own steps only.
msg.markRead("wamid.1").typing().build();
// mark-as-read bodies take no reply context
// @ts-expect-error Property 'replyTo' does not exist on type 'MarkReadBuilder'.
msg.markRead("wamid.1").replyTo("wamid.2");

// Formatted numbers need the leading +; 00 is not a prefix (runtime twins: test/recipients.test.ts).
msg.to("+1 (650) 555-1234").text("hi");
msg.to("16505551234").text("hi");
// @ts-expect-error Argument of type '"(650) 555-1234"' is not assignable to parameter of type '"to: a formatted number must start with + and the country code"'.
msg.to("(650) 555-1234").text("hi");
// @ts-expect-error Argument of type '"0016505551234"' is not assignable to parameter of type '"to: use + or the bare country code, not an 00 prefix"'.
msg.to("0016505551234").text("hi");
