/** Characters a token is made of: the token only counts where it is not part of a longer word. */
const tokenCharacter = "[A-Za-z0-9_~.+/-]";

/** Secrets shorter than this are scrubbed as whole words only; longer ones everywhere. */
const wholeWordBelow = 8;

/**
 * Replaces whole occurrences of `secret` in text with `[redacted]`. Whole only: a short
 * token ("t") must not garble "Parameter", yet `access_token=t` and `Bearer t` are scrubbed; a
 * token of 8 characters or more is scrubbed wherever it stands.
 */
export function redactor(secret: string): (text: string) => string {
  // As JSON writes it (a `"` or `\` escaped; an answer's body echoes it so), the longer form first, and as it stands (the
  // same string when it has nothing to escape: an alternative twice in the pattern matches as once).
  const forms = [JSON.stringify(secret).slice(1, -1), secret];
  const escaped = forms.map((form) => form.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|");
  // A real token (long) is scrubbed wherever it stands, even glued to "." or "/" (a sentence's end, a URL path).
  const pattern = new RegExp(secret.length >= wholeWordBelow ? escaped : `(?<!${tokenCharacter})(?:${escaped})(?!${tokenCharacter})`, "g");
  return (text) => (forms.some((form) => text.includes(form)) ? text.replace(pattern, "[redacted]") : text);
}
