/**
 * A caller's value for an error message: its JSON, cut at 60 characters, or its kind where JSON cannot write it
 * (a BigInt, a cycle): the message is then still the one that says what is wrong, not JSON.stringify's TypeError.
 */
export function shown(value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    // A BigInt, a cycle, a throwing toJSON: named by kind below.
  }
  if (text === undefined) return value === undefined ? "undefined" : typeof value;
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
