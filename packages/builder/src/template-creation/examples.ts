import { type CheckContext, field, isObject, type JsonObject, kindOf } from "./read.js";

/**
 * Every variable needs an example [TC, TR], in the shape its format asks for: positional
 * `body_text: [["v1", "v2"]]` / `header_text: ["v1"]`, named `…_named_params: [{ param_name, example }]`
 * (in any order [TF]).
 */
export function checkExamples(
  context: CheckContext,
  names: readonly string[],
  component: JsonObject,
  path: string,
  where: "body" | "header",
): void {
  if (names.length === 0) return;
  const { out, named } = context;
  const example = field(component, "example");
  const at = `${path}.example`;
  if (example === undefined) {
    out.add("variable-example", at, `${names.length} variable(s) (${names.map((n) => `{{${n}}}`).join(", ")}) need an example`);
    return;
  }
  if (!isObject(example)) {
    out.add("field-type", at, `expected an object, got ${kindOf(example)}`);
    return;
  }
  if (named) {
    const key = `${where}_text_named_params`;
    const params = field(example, key);
    if (!Array.isArray(params)) {
      out.add("variable-example", `${at}.${key}`, `named variables need ${key}: [{ param_name, example }], got ${kindOf(params)}`);
      return;
    }
    const given = new Map<string, unknown>();
    params.slice(0, 1000).forEach((param, index) => {
      if (!isObject(param) || typeof field(param, "param_name") !== "string")
        out.add("variable-example", `${at}.${key}[${index}]`, "expected { param_name, example }");
      else given.set(field(param, "param_name") as string, field(param, "example"));
    });
    for (const name of names) {
      const value = given.get(name);
      if (typeof value !== "string" || value === "")
        out.add(
          "variable-example",
          `${at}.${key}`,
          `{{${name}}} needs an example (a non-empty string), got ${given.has(name) ? kindOf(value) : "none"}`,
        );
    }
    for (const name of given.keys())
      if (!names.includes(name)) out.add("variable-example", `${at}.${key}`, `an example for {{${name}}}, which the text does not have`);
    return;
  }
  const key = `${where}_text`;
  const value = field(example, key);
  const row = where === "body" ? (Array.isArray(value) && value.length === 1 ? value[0] : undefined) : value;
  const shape = where === "body" ? `${key}: [["…", …]] (one row)` : `${key}: ["…"]`;
  if (!Array.isArray(row)) {
    out.add("variable-example", `${at}.${key}`, `positional variables need ${shape}, got ${kindOf(value)}`);
    return;
  }
  if (row.length !== names.length || row.some((item) => typeof item !== "string" || item === ""))
    out.add(
      "variable-example",
      `${at}.${key}`,
      `expected ${names.length} example(s) (non-empty strings), one per variable, got ${row.length}`,
    );
}
