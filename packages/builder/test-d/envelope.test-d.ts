import { msg } from "@wacompose/builder";

const text = msg.to("16505551234").text("hi");

// biz_opaque_callback_data: at most 512 characters.
text.callbackData(
  "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
);
// @ts-expect-error biz_opaque_callback_data: at most 512 characters, got 513
text.callbackData(
  "ccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc",
);

// context.message_id: a wamid is at most 128 characters.
text.replyTo("wamid.HBgL");
// @ts-expect-error context.message_id: at most 128 characters, got 129
text.replyTo(
  "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww",
);
// @ts-expect-error message_id: at most 128 characters, got 129
msg.markRead(
  "wwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwwww",
);

// Builders are immutable: there is no way to set fields after the fact.
// @ts-expect-error no mutable state is exposed
text.to = "1";

// Mark-as-read has its own steps only.
msg.markRead("wamid.1").typing().build();
// @ts-expect-error mark-as-read bodies take no reply context
msg.markRead("wamid.1").replyTo("wamid.2");
