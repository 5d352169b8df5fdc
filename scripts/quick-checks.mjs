// Each message kind's yes/no check and explanation (packages/builder/src/rules/quick/*.generated.ts), from the rule
// table through rules/quick-source.ts. Read from src through tsx; written by `pnpm gen` (scripts/gen.mjs).
import { join } from "node:path";
import { root } from "./lib.mjs";

const rules = join(root, "packages/builder/src/rules");
const load = (name) => import(join(rules, `${name}.ts`));
const { quickTestSource } = await load("quick-source");
const { sharedParts } = await load("quick-source/parts");
const { contents } = await load("message");
const { envelopeRefinements, kinds, messageOf } = await load("message-of");
const { envelopeFields } = await load("envelope");
const { groupKinds, groupsTakeSomeKinds } = await load("envelope-refinements");
const { object } = await load("rule");
const { markReadBody } = await load("mark-read");
const interactiveRules = await load("interactive");
const { interactiveTypes } = await import(join(root, "packages/builder/src/limits.ts"));

// Every export of the table's modules, so generated code imports what has a name.
const tableModules = [
  "common-refinements",
  "common",
  "envelope-refinements",
  "envelope",
  "text",
  "emoji",
  "reaction",
  "media",
  "location",
  "contact-refinements",
  "contacts",
  "section-refinements",
  "sections",
  "interactive-refinements",
  "interactive",
  "carousel",
  "template-refinements",
  "template",
  "pin-refinements",
  "pin",
  "mark-read",
];
const names = new Map();
for (const module of tableModules)
  for (const [name, value] of Object.entries(await load(module)))
    if ((typeof value === "object" && value !== null) || typeof value === "function")
      if (!names.has(value)) names.set(value, { module, name });

const pascal = (kind) => kind.replace(/(^|[-_])(\w)/g, (_, __, letter) => letter.toUpperCase());
// The envelope is the same for every kind: checked once, in its own module, that each kind's test calls.
const envelope = {
  module: "envelope.generated",
  name: "envelopePasses",
  explainName: "explainEnvelopeFields",
  fields: Object.keys(envelopeFields),
  refine: envelopeRefinements,
};
// The parts the interactive types share (body, footer, header cases): written once, in
// interactive-parts.generated.ts, which each type's module (and the whole union's) imports.
const interactiveTypeRules = interactiveTypes.map((type) => {
  const camel = type.replace(/_(\w)/g, (_, letter) => letter.toUpperCase());
  const rule = interactiveRules[`${camel}InteractiveRule`];
  if (rule === undefined) throw new Error(`rules/interactive.ts exports no ${camel}InteractiveRule`);
  return rule;
});
const structural = new Set(["fields", "rule", "cases", "item"]);
const partWord = (path) =>
  `Interactive${path
    .filter((key) => typeof key === "string" && !structural.has(key))
    .flatMap((key) => key.split(/[^A-Za-z0-9]+/))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("")}`;
const interactiveParts = { module: "interactive-parts.generated", list: sharedParts(interactiveTypeRules, partWord) };
const partNames = interactiveParts.list.map((part) => part.passes);
if (new Set(partNames).size !== partNames.length) throw new Error(`two shared interactive parts have one name: ${partNames.join(", ")}`);

const targets = [
  {
    file: "interactive-parts.generated.ts",
    exportName: "",
    explainName: "",
    rootWord: "interactive",
    comment: "",
    parts: { ...interactiveParts, exported: true },
  },
  {
    file: "envelope.generated.ts",
    exportName: envelope.name,
    explainName: envelope.explainName,
    rootWord: "envelope",
    root: object(envelopeFields, { refine: envelopeRefinements }),
    // MessageBase.assemble writes these from constants.
    builderWrites: ["messaging_product", "recipient_type"],
    comment: "True when a message body's envelope fields and the rules across them break no error rule (its kind's test checks the rest).",
    part: true,
  },
  ...kinds.map((kind) => ({
    shared: envelope,
    file: `${kind}.generated.ts`,
    exportName: `${kind}MessagePasses`,
    explainName: `explain${pascal(kind)}Message`,
    root: messageOf(kind, contents[kind]),
    builderWrites: ["type"],
    // A kind a group takes (a pin aside) holds groupsTakeSomeKinds whoever it goes to.
    ...(groupKinds.includes(kind) && kind !== "pin" ? { builderCannotBreak: [groupsTakeSomeKinds] } : {}),
    comment: `True when \`value\` is ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} message body that breaks no error rule (warnings pass).`,
    kind: { type: kind, rulesName: `${kind}Rules` },
    ...(kind === "interactive" ? { parts: { ...interactiveParts, exported: false } } : {}),
  })),
  // One check per interactive type, so each builder carries its own type's rules only.
  ...interactiveTypes.map((type, index) => {
    const camel = type.replace(/_(\w)/g, (_, letter) => letter.toUpperCase());
    const rule = interactiveTypeRules[index];
    return {
      shared: envelope,
      file: `interactive-${type.replaceAll("_", "-")}.generated.ts`,
      exportName: `${camel}InteractiveMessagePasses`,
      explainName: `explain${pascal(type)}InteractiveMessage`,
      root: messageOf("interactive", rule),
      builderWrites: ["type"],
      comment: `True when \`value\` is an interactive message body of type ${type} that breaks no error rule (warnings pass).`,
      kind: { type: "interactive", rulesName: `${camel}InteractiveRules` },
      parts: { ...interactiveParts, exported: false },
    };
  }),
  {
    file: "mark-read.generated.ts",
    exportName: "markReadBodyPasses",
    explainName: "explainMarkReadBody",
    rootWord: "markRead",
    root: markReadBody,
    comment: "True when `value` is a mark-as-read (or typing) body that breaks no error rule (warnings pass).",
  },
];

/** The generated files of packages/builder/src/rules/quick/: their paths and texts. */
export const quickCheckDir = join(rules, "quick");
export const quickChecks = () => new Map(targets.map((target) => [join(quickCheckDir, target.file), quickTestSource(target, names)]));
