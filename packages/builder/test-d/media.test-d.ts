import { type ImageMessage, msg } from "@wacompose/builder";
import { type Equal, expectType } from "./helpers.js";

// Long literals live in consts: they stay literal, so the check applies, and each call stays on its directive's line.
const p1025 =
  "ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp";

const to = "16505551234";
const link = "https://example.com/a.png";

expectType<Equal<ReturnType<ReturnType<ReturnType<typeof msg.to>["image"]>["build"]>, ImageMessage>>(true);
msg.to(to).image({ id: "1234" });
msg.to(to).image({ link }, { caption: "Receipt" });

// exactly one of id or link: not both
// @ts-expect-error Argument of type '{ id: string; link: string; }' is not assignable to parameter of type 'MediaSource'.
msg.to(to).image({ id: "1234", link });
// exactly one of id or link: not neither
// @ts-expect-error Argument of type '{}' is not assignable to parameter of type 'MediaSource'.
msg.to(to).video({});

// Captions only where the API allows them.
// audio takes no caption
// @ts-expect-error Object literal may only specify known properties, and 'caption' does not exist in type 'AudioOptions'
msg.to(to).audio({ id: "1" }, { caption: "x" });
// stickers take no caption
// @ts-expect-error Object literal may only specify known properties, and 'caption' does not exist in type
msg.to(to).sticker({ id: "1", caption: "x" });
// filename is for documents only
// @ts-expect-error Object literal may only specify known properties, and 'filename' does not exist in type
msg.to(to).image({ id: "1" }, { filename: "a.png" });
msg.to(to).document({ id: "1" }, { filename: "invoice.pdf", caption: "Invoice" });

// image.caption: at most 1024 characters.
// @ts-expect-error image.caption: at most 1024 characters, got 1025
msg.to(to).image({ link }, { caption: p1025 });
