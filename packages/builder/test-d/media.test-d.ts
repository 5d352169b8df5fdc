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

// @ts-expect-error exactly one of id or link: not both
msg.to(to).image({ id: "1234", link });
// @ts-expect-error exactly one of id or link: not neither
msg.to(to).video({});

// Captions only where the API allows them.
// @ts-expect-error audio takes no caption
msg.to(to).audio({ id: "1" }, { caption: "x" });
// @ts-expect-error stickers take no caption
msg.to(to).sticker({ id: "1", caption: "x" });
// @ts-expect-error filename is for documents only
msg.to(to).image({ id: "1" }, { filename: "a.png" });
msg.to(to).document({ id: "1" }, { filename: "invoice.pdf", caption: "Invoice" });

// image.caption: at most 1024 characters.
// @ts-expect-error image.caption: at most 1024 characters, got 1025
msg.to(to).image({ link }, { caption: p1025 });
