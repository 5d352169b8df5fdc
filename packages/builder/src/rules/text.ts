import { limits } from "../limits.js";
import { boolean, documented, object, optional, required, string } from "./rule.js";

/** `text` [S §2]. */
export const text = object({
  body: required(string(limits.text.body)),
  preview_url: documented(optional(boolean), "Render a preview of the first http(s) URL in the body."),
});
