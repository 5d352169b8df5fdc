import { type ContactsMessage, msg } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

const to = "16505551234";

const built = msg
  .to(to)
  .contacts((c) => c.contact((p) => p.name({ formattedName: "Ana Diaz", firstName: "Ana" }).phone("+1 650", { type: "CELL" })))
  .build();
expectType<Equal<typeof built, ContactsMessage>>(true);

// name.formatted_name is required
// @ts-expect-error Argument of type '{ firstName: string; }' is not assignable to parameter of type 'ContactName'.
msg.to(to).contacts((c) => c.contact((p) => p.name({ firstName: "Ana" })));

// formatted_name needs at least one other name part
// @ts-expect-error Argument of type '{ formattedName: string; }' is not assignable to parameter of type 'ContactName'.
msg.to(to).contacts((c) => c.contact((p) => p.name({ formattedName: "Ana" })));

// a card needs a name
// @ts-expect-error Type 'ContactBuilder<false>' is not assignable to type 'ContactBuilder<true>'.
msg.to(to).contacts((c) => c.contact((p) => p.phone("+1 650")));

// a message needs at least one contact
// @ts-expect-error Type 'ContactsBuilder<[]>' is not assignable to type 'ContactsBuilder<readonly [unknown, ...unknown[]]>'.
msg.to(to).contacts((c) => c);

// phones[].type is CELL, MAIN, IPHONE, HOME or WORK
// @ts-expect-error Type '"FAX"' is not assignable to type
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
