/** Characters a token is made of: the token only counts where it is not part of a longer word. */
const tokenCharacter = "[A-Za-z0-9_~.+/-]";

/**
 * Replaces whole occurrences of `secret` in text with `[redacted]`. Whole only: a short
 * token ("t") must not garble "Parameter", yet `access_token=t` and `Bearer t` are scrubbed.
 */
export function redactor(secret: string): (text: string) => string {
  const pattern = new RegExp(`(?<!${tokenCharacter})${secret.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?!${tokenCharacter})`, "g");
  return (text) => (text.includes(secret) ? text.replace(pattern, "[redacted]") : text);
}
