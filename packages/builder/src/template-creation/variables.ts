import { templateCreationLimits } from "../limits.js";
import { type CheckContext, show } from "./read.js";

/** One `{{…}}` in a text: its name (`"1"`, `"first_name"`) and where it sits. */
export interface Placeholder {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

const positionalName = /^[1-9][0-9]*$/;
const wellFormed = /^[A-Za-z0-9_]+$/;
/** Named placeholders: lowercase `a-z` and `_` (the strictest reading, cloud-api.md §8.4). */
const namedName = /^[a-z_]+$/;

/**
 * The placeholders of a text, and the pieces that look like one but are not (`{{ 1 }}`,
 * `{{#1}}`, a lone `{{` or `}}`). One linear scan: a 100k-character text costs one pass.
 */
export function placeholdersOf(text: string): { readonly found: readonly Placeholder[]; readonly malformed: readonly string[] } {
  const found: Placeholder[] = [];
  const malformed: string[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("{{", at);
    const strayClose = text.indexOf("}}", at);
    if (open === -1) {
      if (strayClose !== -1) malformed.push("}}");
      break;
    }
    if (strayClose !== -1 && strayClose < open) malformed.push("}}");
    const close = text.indexOf("}}", open + 2);
    if (close === -1) {
      malformed.push(text.slice(open, open + 20));
      break;
    }
    const name = text.slice(open + 2, close);
    if (wellFormed.test(name)) found.push({ name, start: open, end: close + 2 });
    else malformed.push(`{{${name}}}`);
    at = close + 2;
  }
  return { found, malformed };
}

/**
 * Checks the placeholders of one text against the variable rules [templates-management.md §2.3]
 * and returns the distinct names in order of first appearance.
 */
export function checkVariables(context: CheckContext, text: string, path: string): string[] {
  const { out, named } = context;
  const { found, malformed } = placeholdersOf(text);
  for (const piece of malformed.slice(0, 5))
    out.add("variable-malformed", path, `${show(piece)} is not a placeholder: use {{1}} or {{name}}, with no spaces, #, $ or %`);
  if (found.length === 0) return [];

  const positional = found.filter((p) => positionalName.test(p.name));
  const others = found.filter((p) => !positionalName.test(p.name));
  if (positional.length > 0 && others.length > 0)
    out.add("variables-mixed", path, `named and positional placeholders are mixed: {{${others[0]?.name}}} and {{${positional[0]?.name}}}`);
  else if (named && positional.length > 0)
    out.add("variables-mixed", path, `parameter_format is NAMED, but {{${positional[0]?.name}}} is positional`);
  else if (!named && others.length > 0)
    out.add("variables-mixed", path, `{{${others[0]?.name}}} is a named placeholder: set parameter_format to NAMED, or use {{1}}`);

  for (const p of others) {
    if (!namedName.test(p.name) || p.name.length > templateCreationLimits.parameterName.max) {
      out.add(
        "variable-name",
        path,
        `{{${show(p.name).slice(1, -1)}}}: a named placeholder is lowercase a-z and _, at most ${templateCreationLimits.parameterName.max} characters`,
      );
      break;
    }
  }

  const names = [...new Set(found.map((p) => p.name))];
  if (!named && others.length === 0) {
    // First appearances must read 1, 2, 3…: {{1}}, {{2}}, {{5}}, {{4}} is rejected [TR].
    const wrong = names.findIndex((name, index) => Number(name) !== index + 1);
    if (wrong !== -1)
      out.add(
        "variables-sequential",
        path,
        `placeholders must be numbered 1, 2, 3… in order; variable ${wrong + 1} is {{${names[wrong]}}}`,
      );
  }

  const first = found[0] as Placeholder;
  const last = found[found.length - 1] as Placeholder;
  if (text.slice(0, first.start).trim() === "") out.add("variable-at-edge", path, `the text starts with the variable {{${first.name}}}`);
  if (text.slice(last.end).trim() === "") out.add("variable-at-edge", path, `the text ends with the variable {{${last.name}}}`);
  for (let i = 1; i < found.length; i++) {
    const before = found[i - 1] as Placeholder;
    const after = found[i] as Placeholder;
    if (text.slice(before.end, after.start).trim() === "") {
      out.add("variables-adjacent", path, `{{${before.name}}} and {{${after.name}}} are next to each other: put words between them`);
      break;
    }
  }
  return names;
}
