import { limits } from "../limits.js";
import { boolean, object, optional, required, string } from "./rule.js";

/** `text` [S §2]. */
export const text = object({
  body: required(string(limits.text.body)),
  preview_url: optional(boolean),
});
