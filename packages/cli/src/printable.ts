/**
 * Text from a user's file, made safe to print on a terminal: C0 and C1 control characters (ESC, BEL,
 * CSI…, which could set a window title, clear the screen or write the clipboard) are written as
 * `\u001b`-style escapes, so an issue that quotes a hostile key or value prints as what it is.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is replaced
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
