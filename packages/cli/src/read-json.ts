import { readFileSync } from "node:fs";

/**
 * The JSON in `input` (a file, or `-` for standard input), or an Error naming `command`, the file and
 * why: it does not exist, is a directory, is too large to read as text, or is not JSON.
 */
export function readJson(command: string, input: string): unknown {
  const name = input === "-" ? "standard input" : input;
  let text: string;
  try {
    text = readFileSync(input === "-" ? 0 : input, "utf8");
  } catch (error) {
    throw new Error(`${command}: cannot read ${name} (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${command}: ${name} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
