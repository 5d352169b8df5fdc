import { type ContactsMessage, msg } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

const to = "16505551234";

const built = msg
  .to(to)
  .contacts((c) => c.contact((p) => p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+1 650", { type: "CELL" })))
  .build();
expectType<Equal<typeof built, ContactsMessage>>(true);

// @ts-expect-error name.formatted_name is required
msg.to(to).contacts((c) => c.contact((p) => p.name({ firstName: "Ana" })));

// @ts-expect-error formatted_name needs at least one other name part
msg.to(to).contacts((c) => c.contact((p) => p.name({ formattedName: "Ana" })));

// @ts-expect-error a card needs a name
msg.to(to).contacts((c) => c.contact((p) => p.phone("+1 650")));

// @ts-expect-error a message needs at least one contact
msg.to(to).contacts((c) => c);

// @ts-expect-error phones[].type is CELL, MAIN, IPHONE, HOME or WORK
msg.to(to).contacts((c) => c.contact((p) => p.name({ formattedName: "A", firstName: "A" }).phone("1", { type: "FAX" })));

// At most 5 contacts per message.
msg.to(to).contacts((c) =>
  c
    .contact((p) => p.name({ formattedName: "A", firstName: "A" }))
    .contact((p) => p.name({ formattedName: "B", firstName: "B" }))
    .contact((p) => p.name({ formattedName: "C", firstName: "C" }))
    .contact((p) => p.name({ formattedName: "D", firstName: "D" }))
    .contact((p) => p.name({ formattedName: "E", firstName: "E" }))
    // @ts-expect-error contacts: at most 5 contacts per message
    .contact((p) => p.name({ formattedName: "F", firstName: "F" })),
);
