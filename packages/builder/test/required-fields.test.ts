import { describe, expect, it } from "@jest/globals";
import { hasErrors, msg, validate } from "../src/index.js";
import { documented } from "./fixtures/documented.js";
import { generatedSchemaAccepts, schemaAccepts } from "./fixtures/schema.js";
import { quickTest } from "./quick-tests.js";

// A required field made optional in the rule table (rules/*.ts) passes every test that only
// feeds valid bodies. Here every member of every documented body is removed in turn, and the
// three readings of the table (validate(), the compiled quick test that .build() runs, the
// shipped schema) must say what the hand-written oracle schema, written from the reference
// and not from the table, says: a body missing a required field is rejected by all of them.

type Path = readonly (string | number)[];
const isObject = (value: unknown): value is { readonly [key: string]: unknown } =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The path of every object member in `value`, depth first (array entries are walked, not removed). */
function* memberPaths(value: unknown, path: Path = []): Generator<Path> {
  if (Array.isArray(value)) for (const [index, item] of value.entries()) yield* memberPaths(item, [...path, index]);
  else if (isObject(value))
    for (const [key, member] of Object.entries(value)) {
      yield [...path, key];
      yield* memberPaths(member, [...path, key]);
    }
}

/** `value` with the member at `path` removed (a copy; the fixture is left as it is). */
function without(value: unknown, path: Path): unknown {
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item: unknown, index) => (index === head ? without(item, rest) : item));
  if (!isObject(value)) return value;
  const copy: { [key: string]: unknown } = { ...value };
  if (rest.length === 0) delete copy[String(head)];
  else copy[String(head)] = without(copy[String(head)], rest);
  return copy;
}

const isMarkRead = (body: unknown): boolean => isObject(body) && "status" in body;

interface Cut {
  readonly name: string;
  readonly path: string;
  readonly body: unknown;
}

const cuts: readonly Cut[] = Object.entries(documented).flatMap(([name, body]) =>
  [...memberPaths(body)].map((path) => ({ name, path: path.join("."), body: without(body, path) })),
);
const requiredCuts = cuts.filter((cut) => !schemaAccepts(cut.body));

describe("a documented body with one member removed", () => {
  it("removes members that the oracle calls required, and others it does not (the walk reaches both)", () => {
    expect(requiredCuts.length).toBeGreaterThan(50);
    expect(cuts.length - requiredCuts.length).toBeGreaterThan(20);
    expect(requiredCuts.map((cut) => `${cut.name}: ${cut.path}`)).toEqual(
      expect.arrayContaining(["buttons: interactive.action.buttons.0.reply.title", "buttons: interactive.action.buttons.1.reply.id"]),
    );
  });

  it.each(cuts.map((cut): [string, string, Cut] => [cut.name, cut.path, cut]))(
    "%s without %s: validate(), the quick test and the shipped schema agree with the oracle",
    (_name, _path, cut) => {
      const accepted = schemaAccepts(cut.body);
      expect({ validate: !hasErrors(validate(cut.body)), schema: generatedSchemaAccepts(cut.body) }).toEqual({
        validate: accepted,
        schema: accepted,
      });
      if (!isMarkRead(cut.body)) expect(quickTest(cut.body as { readonly type?: unknown })).toBe(accepted);
    },
  );
});

describe("a reply button without a title", () => {
  const body = (reply: object) => ({
    messaging_product: "whatsapp",
    to: "16505551234",
    type: "interactive",
    interactive: { type: "button", body: { text: "Pick one" }, action: { buttons: [{ type: "reply", reply }] } },
  });

  it("is rejected by validate(), naming the path", () => {
    expect(validate(body({ id: "a" }))).toEqual([
      expect.objectContaining({ path: "interactive.action.buttons[0].reply.title", code: "required", severity: "error" }),
    ]);
  });

  it("is rejected by the quick test .build() runs and by the shipped schema; with a title all accept", () => {
    expect(quickTest(body({ id: "a" }))).toBe(false);
    expect(generatedSchemaAccepts(body({ id: "a" }))).toBe(false);
    expect(quickTest(body({ id: "a", title: "Yes" }))).toBe(true);
    expect(generatedSchemaAccepts(body({ id: "a", title: "Yes" }))).toBe(true);
  });

  it("cannot be built: an empty title is refused by .build() with the limit", () => {
    const built = msg.to("16505551234").buttons("Pick one").reply("a", "").safeBuild();
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.issues).toEqual([expect.objectContaining({ path: "interactive.action.buttons[0].reply.title" })]);
  });
});
