import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { addressedTo } from "../src/builders/message-base.js";
import { MessageBuilder } from "../src/builders/message-builder.js";
import { type Buildable, hasErrors, type Issue, msg, validate } from "../src/index.js";
import { interactiveTypes } from "../src/limits.js";
import { builtIssues } from "../src/rules/built-issues.js";
import * as interactiveRules from "../src/rules/interactive.js";
import { issuesOf } from "../src/rules/issues.js";
import { markReadBody } from "../src/rules/mark-read.js";
import { contents } from "../src/rules/message.js";
import { type AnyBodyRules, type Kind, type KindRules, kinds, messageOf } from "../src/rules/message-of.js";
import {
  addressMessageInteractiveRules,
  addressMessageInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-address-message.generated.js";
import { buttonInteractiveRules, buttonInteractiveRulesForAnyBody } from "../src/rules/quick/interactive-button.generated.js";
import {
  callPermissionRequestInteractiveRules,
  callPermissionRequestInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-call-permission-request.generated.js";
import { carouselInteractiveRules, carouselInteractiveRulesForAnyBody } from "../src/rules/quick/interactive-carousel.generated.js";
import {
  catalogMessageInteractiveRules,
  catalogMessageInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-catalog-message.generated.js";
import { ctaUrlInteractiveRules, ctaUrlInteractiveRulesForAnyBody } from "../src/rules/quick/interactive-cta-url.generated.js";
import { flowInteractiveRules, flowInteractiveRulesForAnyBody } from "../src/rules/quick/interactive-flow.generated.js";
import { listInteractiveRules, listInteractiveRulesForAnyBody } from "../src/rules/quick/interactive-list.generated.js";
import {
  locationRequestMessageInteractiveRules,
  locationRequestMessageInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-location-request-message.generated.js";
import {
  orderDetailsInteractiveRules,
  orderDetailsInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-order-details.generated.js";
import {
  orderStatusInteractiveRules,
  orderStatusInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-order-status.generated.js";
import { productInteractiveRules, productInteractiveRulesForAnyBody } from "../src/rules/quick/interactive-product.generated.js";
import {
  productListInteractiveRules,
  productListInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-product-list.generated.js";
import {
  requestContactInfoInteractiveRules,
  requestContactInfoInteractiveRulesForAnyBody,
} from "../src/rules/quick/interactive-request-contact-info.generated.js";
import { voiceCallInteractiveRules, voiceCallInteractiveRulesForAnyBody } from "../src/rules/quick/interactive-voice-call.generated.js";
import { explainMarkReadBody, markReadBodyPasses } from "../src/rules/quick/mark-read.generated.js";
import type { Rule } from "../src/rules/rule.js";
import { documented } from "./fixtures/documented.js";
import { documented2026 } from "./fixtures/documented-2026.js";
import { builtKindRules, kindRules } from "./quick-tests.js";

// Each kind's generated module explains a failing body itself (rules/quick/, compiled from the
// table), so that a composed send carries neither the table nor the walk over it. Equality is
// tested, not hoped for: on the documented bodies, the peers' bodies (read from
// ../shared/conformance at test time) and thousands of mutations of them (a field dropped,
// oversized, of the wrong type, an unknown key, a case changed), the compiled explanation gives
// exactly explain()'s issues, and the compiled yes/no says yes exactly when no issue is an error.

/** Each interactive type's own module (what its builder carries). */
const interactiveTypeRules: { readonly [type: string]: AnyBodyRules<"interactive"> } = {
  button: buttonInteractiveRulesForAnyBody,
  list: listInteractiveRulesForAnyBody,
  product: productInteractiveRulesForAnyBody,
  product_list: productListInteractiveRulesForAnyBody,
  catalog_message: catalogMessageInteractiveRulesForAnyBody,
  flow: flowInteractiveRulesForAnyBody,
  cta_url: ctaUrlInteractiveRulesForAnyBody,
  location_request_message: locationRequestMessageInteractiveRulesForAnyBody,
  address_message: addressMessageInteractiveRulesForAnyBody,
  call_permission_request: callPermissionRequestInteractiveRulesForAnyBody,
  carousel: carouselInteractiveRulesForAnyBody,
  voice_call: voiceCallInteractiveRulesForAnyBody,
  request_contact_info: requestContactInfoInteractiveRulesForAnyBody,
  order_details: orderDetailsInteractiveRulesForAnyBody,
  order_status: orderStatusInteractiveRulesForAnyBody,
};

/** Each interactive type's rules as its builder uses them (the builder path's check and explanation). */
const builtInteractiveTypeRules: { readonly [type: string]: KindRules<"interactive"> } = {
  button: buttonInteractiveRules,
  list: listInteractiveRules,
  product: productInteractiveRules,
  product_list: productListInteractiveRules,
  catalog_message: catalogMessageInteractiveRules,
  flow: flowInteractiveRules,
  cta_url: ctaUrlInteractiveRules,
  location_request_message: locationRequestMessageInteractiveRules,
  address_message: addressMessageInteractiveRules,
  call_permission_request: callPermissionRequestInteractiveRules,
  carousel: carouselInteractiveRules,
  voice_call: voiceCallInteractiveRules,
  request_contact_info: requestContactInfoInteractiveRules,
  order_details: orderDetailsInteractiveRules,
  order_status: orderStatusInteractiveRules,
};

type Body = { readonly [key: string]: unknown };

/**
 * The peers' bodies, read where the conformance suite keeps them beside the workspace (never copied into this
 * repository); a clone without them (CI's fresh clone) explains the documented bodies only.
 */
function peerBodies(): Body[] {
  const peers = join(__dirname, "../../../../shared/conformance/peers");
  if (!existsSync(peers)) return [];
  const bodies: Body[] = [];
  for (const source of readdirSync(peers).sort()) {
    if (!statSync(join(peers, source)).isDirectory()) continue;
    for (const file of readdirSync(join(peers, source)).sort())
      if (file.endsWith(".json")) bodies.push((JSON.parse(readFileSync(join(peers, source, file), "utf8")) as { body: Body }).body);
  }
  return bodies;
}

/** A JSON copy: the bodies explained are what JSON.stringify sends. */
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const peers = peerBodies();
/** Media kinds the documented fixtures do not hold, so that a fresh clone (no peers beside it) seeds every kind. */
const mediaSeeds = [
  { type: "video", video: { link: "https://example.com/clip.mp4", caption: "Clip" } },
  { type: "document", document: { id: "1234567890", caption: "Invoice", filename: "invoice.pdf" } },
  { type: "sticker", sticker: { id: "1234567890" } },
].map((content) => ({ messaging_product: "whatsapp", recipient_type: "individual", to: "16505551234", ...content }));
const seeds: readonly Body[] = json([...Object.values(documented), ...Object.values(documented2026), ...mediaSeeds, ...peers] as Body[]);

/** What a target explains: its generated explanation and check, and the rule explain() reads. */
interface Target {
  readonly name: string;
  readonly rule: Rule;
  readonly explain: KindRules["explain"];
  readonly passes: (body: unknown) => boolean;
  /** The builder path's reading (KindRules), for a message kind or interactive type. */
  readonly built?: KindRules | undefined;
  /** True for a body this target is the one to judge. */
  readonly takes: (body: Body) => boolean;
}

const interactiveType = (body: Body): unknown => (body.interactive as Body | undefined)?.type;
const isMarkRead = (body: Body): boolean => body.status !== undefined && body.type === undefined && body.to === undefined;
const kindOf = (body: Body): unknown => (isMarkRead(body) ? "mark-read" : (body.type ?? "text"));

const targets: readonly Target[] = [
  ...kinds.map((kind: Kind) => ({
    name: kind,
    rule: messageOf(kind, contents[kind]),
    explain: kindRules[kind].explain,
    passes: (body: unknown) => kindRules[kind].passes(body),
    built: builtKindRules[kind],
    takes: (body: Body) => kindOf(body) === kind,
  })),
  ...interactiveTypes.map((type) => {
    const rules = interactiveTypeRules[type] as AnyBodyRules<"interactive">;
    const rule = (interactiveRules as unknown as { readonly [name: string]: Rule })[
      `${type.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())}InteractiveRule`
    ] as Rule;
    return {
      name: `interactive ${type}`,
      rule: messageOf("interactive", rule),
      explain: rules.explain,
      passes: (body: unknown) => rules.passes(body),
      built: builtInteractiveTypeRules[type],
      // Another case of the type is read as the type (a warning).
      takes: (body: Body) => kindOf(body) === "interactive" && String(interactiveType(body)).toLowerCase() === type,
    };
  }),
  {
    name: "mark-read",
    rule: markReadBody,
    explain: explainMarkReadBody,
    passes: (body: unknown) => markReadBodyPasses(body),
    takes: isMarkRead,
  },
];

/** Every path to a value inside `value` (objects' keys and arrays' indexes), the root first. */
function pathsIn(value: unknown, at: readonly (string | number)[] = [], into: (readonly (string | number)[])[] = []) {
  into.push(at);
  if (Array.isArray(value)) for (let index = 0; index < value.length; index++) pathsIn(value[index], [...at, index], into);
  else if (typeof value === "object" && value !== null)
    for (const key of Object.keys(value)) pathsIn((value as Body)[key], [...at, key], into);
  return into;
}

/** Values that break rules: wrong types, empties, oversized strings and counts, near misses. */
const wrongValue = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    1e21,
    "",
    " ",
    "x".repeat(4097),
    "😀".repeat(40),
    [],
    {},
    [null],
    { id: "" },
    "HTTP://x",
    "BUTTON",
  ),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 1, max: 5000 }).map((n) => "y".repeat(n)),
);

type Mutation = readonly [pathIndex: number, operation: number, value: unknown, key: string];

/** Applies one mutation at the `pathIndex`-th path of `body` (a fresh JSON copy). */
function mutate(body: Body, [pathIndex, operation, value, key]: Mutation): Body {
  const paths = pathsIn(body);
  const path = paths[pathIndex % paths.length] as readonly (string | number)[];
  // Keys are defined, never assigned: `__proto__` is a key like any other in JSON.
  const define = <T extends object>(object: T, name: string | number, to: unknown): T =>
    Object.defineProperty(object, name, { value: to, enumerable: true, writable: true, configurable: true });
  if (path.length === 0) return operation % 2 === 0 ? define(body, key, value) : body;
  let holder = body as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const current = holder[last];
  switch (operation % 7) {
    case 0: // dropped
      if (Array.isArray(holder)) holder.splice(last as number, 1);
      else delete holder[last];
      break;
    case 1: // of the wrong type, or a wrong value
      holder[last] = value;
      break;
    case 2: // oversized: a string past 4,096 characters, an array's entries doubled (stacked mutations stay bounded)
      if (typeof current === "string") holder[last] = current.repeat(Math.max(2, Math.ceil(5000 / Math.max(1, current.length))));
      else if (Array.isArray(current)) holder[last] = [...current, ...current];
      else holder[last] = value;
      break;
    case 3: // an unknown key
      if (typeof current === "object" && current !== null && !Array.isArray(current)) define(current, key, value);
      else holder[last] = value;
      break;
    case 4: // another case
      holder[last] = typeof current === "string" ? current.toUpperCase() : value;
      break;
    case 5: // an entry duplicated
      if (Array.isArray(current) && current.length > 0) current.push(json(current[0]));
      else holder[last] = null;
      break;
    default: // emptied
      holder[last] = Array.isArray(current)
        ? []
        : typeof current === "string"
          ? ""
          : typeof current === "object" && current !== null
            ? {}
            : value;
  }
  return body;
}

const mutation: fc.Arbitrary<Mutation> = fc.tuple(
  fc.nat(),
  fc.nat(),
  wrongValue,
  fc.constantFrom("extra", "caption", "header", "footer", "text", "type", "toJSON", "__proto__", "constructor", "message_activity_sharing"),
);

/**
 * A body's JSON past this many characters is not mutated further: every limit of the table is
 * crossed well below it (the longest is 4,096 characters; counts are below 100), and without a
 * cap stacked mutations (an array doubled twice, its strings oversized) make bodies whose
 * explanation costs seconds, so the run time would depend on the draw.
 */
const maxBodyCharacters = 40_000;

/** `mutations` applied in turn to a copy of `body`, each skipped when it would make the body too large. */
const mutated = (body: Body, mutations: readonly Mutation[]): Body =>
  mutations.reduce((from, change) => {
    const next = mutate(json(from), change);
    return JSON.stringify(next).length <= maxBodyCharacters ? next : from;
  }, json(body));

// Per kind and interactive type (32 targets). Each run explains a body of at most
// maxBodyCharacters three ways; the default keeps the file within a minute on a busy 2-core host.
// WACOMPOSE_PROPERTY_RUNS=20000 for a deeper run.
const runs = Number(process.env.WACOMPOSE_PROPERTY_RUNS ?? 2_000);

/** The target's rules as builtIssues reads them: its explanation, and its check of a body the explanation finds valid. */
const rulesOf = (target: Target) => ({ type: target.name, passes: target.passes, explain: target.explain });
const explained = (target: Target, body: unknown): readonly Issue[] => builtIssues(body, rulesOf(target));

describe("each kind's compiled explanation is explain()'s", () => {
  it("reads the documented and the peers' bodies, a seed for every kind and interactive type", () => {
    // The documented bodies always (40 with the media seeds); the peers' 146 where the conformance suite sits beside the workspace (not in a fresh clone).
    expect(seeds.length).toBeGreaterThan(peers.length > 0 ? 150 : 30);
    const missing = targets.filter((target) => !seeds.some(target.takes)).map((target) => target.name);
    expect(missing).toEqual(["interactive address_message"]);
  });

  it.each(targets.map((target) => [target.name, target] as const))("%s: the same issues on the documented bodies", (_, target) => {
    for (const body of seeds.filter(target.takes)) {
      const issues = issuesOf(target.rule, body);
      expect(explained(target, body)).toEqual(issues);
      expect(target.passes(body)).toBe(!hasErrors(issues));
    }
  });

  it.each(targets.map((target) => [target.name, target] as const))(
    `%s: the same issues, and the check agrees with them, on ${runs} mutated bodies`,
    (_, target) => {
      const own = seeds.filter(target.takes);
      // address_message has no documented body: one from its rule's fields, mutated like the rest.
      const start =
        own.length > 0
          ? own
          : [
              {
                messaging_product: "whatsapp",
                to: "919876543210",
                type: "interactive",
                interactive: {
                  type: "address_message",
                  body: { text: "Where to?" },
                  action: { name: "address_message", parameters: { country: "IN" } },
                },
              },
            ];
      let failing = 0;
      fc.assert(
        fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seed, mutations) => {
          const body = mutated(start[seed % start.length] as Body, mutations);
          const issues = issuesOf(target.rule, body);
          if (hasErrors(issues)) failing++;
          expect(explained(target, body)).toEqual(issues);
          // explain() sums up an array after 20 issues, warnings included, with a "truncated" error: a
          // cap on the report, not a rule, that the check does not share (a body of many warnings only).
          if (!issues.some((issue) => issue.code === "truncated")) expect(target.passes(body)).toBe(!hasErrors(issues));
        }),
        { numRuns: runs },
      );
      // Failures are common, so the equality is about explanations, not about empty lists.
      expect(failing).toBeGreaterThan(runs / 4);
    },
    // Well under a second each on an idle machine; a guard against a hang on a busy host.
    120_000,
  );

  it("the equality can fail: another kind's explanation of a text body differs", () => {
    const text = seeds.find((body) => kindOf(body) === "text") as Body;
    const image = targets.find((target) => target.name === "image") as Target;
    expect(explained(image, text)).not.toEqual(issuesOf(messageOf("text", contents.text), text));
  });

  it("the property can fail: it finds a mutated text body that the image kind explains otherwise", () => {
    const texts = seeds.filter((body) => kindOf(body) === "text");
    const image = targets.find((target) => target.name === "image") as Target;
    const text = messageOf("text", contents.text);
    const result = fc.check(
      fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (seed, mutations) => {
        const body = mutated(texts[seed % texts.length] as Body, mutations);
        expect(explained(image, body)).toEqual(issuesOf(text, body));
      }),
      { numRuns: 50, seed: 1 },
    );
    expect(result.failed).toBe(true);
  });
});

describe("the builder path checks what the caller supplied", () => {
  const body = { messaging_product: "whatsapp", recipient_type: "individual", to: "16505551234", type: "text", text: { body: "hi" } };

  it("skips only the fields the builder writes from constants: messaging_product, recipient_type, type", () => {
    const written = { ...body, messaging_product: "other", recipient_type: "nobody", type: "image" };
    expect(kindRules.text.passes(written)).toBe(false);
    expect(kindRules.text.passes(written, true)).toBe(true);
  });

  it("keeps every check on a caller's value", () => {
    for (const bad of [
      { ...body, to: "" },
      { ...body, text: { body: "" } },
      { ...body, text: { body: "x".repeat(4097) } },
      { ...body, context: { message_id: "" } },
      { ...body, biz_opaque_callback_data: "x".repeat(513) },
      { ...body, recipient_type: "group", type: "text", to: "+1 (650) 555-1234", recipient: "US.1" },
    ])
      expect([bad, kindRules.text.passes(bad, true)]).toEqual([bad, false]);
  });
});

describe("the builders' reading (KindRules) is explain()'s on the bodies a builder assembles", () => {
  // What the builder path leaves out, it leaves out because a builder cannot get it wrong: the keys of the objects it
  // makes, and the root fields it writes from constants (rules/quick-source/checks.ts). So on any body whose objects
  // hold known keys only and whose root constants are the kind's, the builders' check and explanation are the full
  // ones. Bodies made so: a documented body with its caller-supplied values (any primitive but the root's constants)
  // replaced by wrong ones; a replacement that brings an unknown key in (an object where a tag chose another case) is
  // outside what a builder assembles, and is left out.
  const constants = new Set(["messaging_product", "recipient_type", "type"]);
  /** The paths of a body's primitive values, but its root constants. */
  const callerValues = (body: Body): (readonly (string | number)[])[] =>
    pathsIn(body).filter((path) => {
      let value: unknown = body;
      for (const step of path) value = (value as Record<string | number, unknown>)[step];
      return path.length > 0 && !(path.length === 1 && constants.has(String(path[0]))) && (typeof value !== "object" || value === null);
    });
  /** The builders' check as MessageBase runs it: one that throws (a value it did not expect) says no. */
  const builtPasses = (rules: KindRules, body: unknown): boolean => {
    try {
      return rules.passes(body);
    } catch {
      return false;
    }
  };
  const builtTargets = targets.filter((target) => target.built !== undefined && seeds.some(target.takes));

  it.each(builtTargets.map((target) => [target.name, target] as const))("%s: the same issues and verdict", (_, target) => {
    const built = target.built as KindRules;
    const clean = seeds.filter(target.takes).filter((body) => issuesOf(target.rule, body).length === 0);
    expect(clean.length).toBeGreaterThan(0);
    let compared = 0;
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), wrongValue), { minLength: 1, maxLength: 3 }), (seed, changes) => {
        const body = json(clean[seed % clean.length] as Body);
        for (const [index, value] of changes) {
          const paths = callerValues(body);
          if (paths.length === 0) break;
          const path = paths[index % paths.length] as readonly (string | number)[];
          let holder = body as Record<string | number, unknown>;
          for (const step of path.slice(0, -1)) holder = holder[step] as Record<string | number, unknown>;
          holder[path[path.length - 1] as string | number] = json(value);
        }
        const issues = builtIssues(body, rulesOf(target));
        if (issues.some((issue) => issue.code === "unknown_field")) return;
        compared++;
        expect(builtIssues(body, built)).toEqual(issues);
        if (!issues.some((issue) => issue.code === "truncated")) expect(builtPasses(built, body)).toBe(!hasErrors(issues));
      }),
      { numRuns: Math.max(200, runs / 4) },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it("leaves out the key tables and the constants' checks: a text send's module reads neither", () => {
    const source = readFileSync(join(__dirname, "../src/rules/quick/text.generated.ts"), "utf8");
    const builderPath = source.slice(source.indexOf("function builtMessageTextPasses"), source.indexOf("export const textRules"));
    expect(builderPath).not.toMatch(
      /Keys\b|onlyKeys|explainKeys|messageUnknown|messageIgnored|messageTypeRule|fromBuilder|GroupsTakeSomeKinds/,
    );
    expect(builderPath).toContain("explainBuiltEnvelopeFields");
  });
});

describe("the documented and the peers' bodies through build()", () => {
  // build() on each body, as a builder of its kind (its KindRules) would assemble it: it builds exactly when validate()
  // finds no error, fails with validate()'s issues otherwise, and never with the issue of a refusal no rule explains
  // (rules/built-issues.ts). Bodies a builder cannot assemble are left out: an unknown key (the builder path does not
  // read keys), or a root constant other than the builder writes (messaging_product, recipient_type, type).
  const written = new Set(["messaging_product", "recipient_type", "type"]);
  const outsideBuilders = (issues: readonly Issue[]): boolean =>
    issues.some((issue) => issue.code === "unknown_field" || written.has(issue.path));
  /** A builder of `rules`' kind whose assembled body is `body` (a JSON copy on every build). */
  const replaying = (rules: KindRules | undefined, body: Body): Buildable<unknown> => {
    const builder: Buildable<unknown> =
      rules === undefined ? msg.markRead("wamid.1") : new MessageBuilder(addressedTo(undefined), rules, {} as never);
    return Object.defineProperty(builder, "assemble", { value: () => json(body) });
  };
  /** Each body with each target that takes it, and whether it is a peer's (the peers' come last in `seeds`). */
  const runs = seeds.flatMap((body, index) =>
    targets
      .filter((target) => (target.built !== undefined || target.name === "mark-read") && target.takes(body))
      .map((target) => [target, body, index >= seeds.length - peers.length] as const),
  );

  it("every body of a kind with a builder, built by each rules that take it", () => {
    const counts = { built: 0, refused: 0, outside: 0, peerBuilt: 0, peerRefused: 0, peerOutside: 0 };
    for (const [target, body, peer] of runs) {
      const issues = validate(body);
      if (outsideBuilders(issues)) {
        counts[peer ? "peerOutside" : "outside"]++;
        continue;
      }
      const result = replaying(target.built, body).safeBuild();
      expect([target.name, body, result.ok ? [] : result.issues]).toEqual([target.name, body, hasErrors(issues) ? issues : []]);
      if (result.ok) counts[peer ? "peerBuilt" : "built"]++;
      else counts[peer ? "peerRefused" : "refused"]++;
    }
    if (process.env.SHOW_COUNTS) console.log(`${seeds.length} bodies (${peers.length} peers'), ${runs.length} builds:`, counts);
    const { built, refused, outside, peerBuilt, peerRefused, peerOutside } = counts;
    expect(built + refused + outside + peerBuilt + peerRefused + peerOutside).toBe(runs.length);
    expect(built).toBeGreaterThan(30);
    if (peers.length > 0) expect(peerBuilt).toBeGreaterThan(100);
  });
});
