import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { dedupe, eventKey, findTemplate, parseWebhook, type TrackedTemplate, trackTemplates, type WebhookEvent } from "../src/index.js";
import { categoryDone, changeOf, examples, wabaId } from "./fixtures-2026.js";
import { onlyChangeOf as only } from "./support/one-change.js";

// The four template webhooks (templates-management.md §3, §5, §6.8, §6.9) and the reducer over them.

const at = "entry[0].changes[0]";
/** A body with one change at `time` (seconds), as Meta sends one update. */
const bodyAt = (field: string, value: unknown, time: number | undefined) => ({
  object: "whatsapp_business_account",
  entry: [{ id: wabaId, ...(time === undefined ? {} : { time }), changes: [{ field, value }] }],
});
/** What every event of one of the §5 examples carries: its field and type, the WABA, the entry's time, the path, the raw value. */
const exampleChange = (field: string, type: string, raw: unknown) => ({
  kind: "change",
  field,
  type,
  wabaId,
  time: 1_767_225_600,
  path: `${at}.value`,
  raw,
});
/** A status update of one template, at `time`. */
const status = (time: number | undefined, event: string, extra: Record<string, unknown> = {}, id = 42) =>
  bodyAt(
    "message_template_status_update",
    {
      event,
      message_template_id: id,
      message_template_name: `template_${id}`,
      message_template_language: "en_US",
      message_template_category: "UTILITY",
      reason: event === "REJECTED" ? "INVALID_FORMAT" : "NONE",
      ...extra,
    },
    time,
  );
const quality = (time: number, score: string, id = 42) =>
  bodyAt(
    "message_template_quality_update",
    { new_quality_score: score, message_template_id: id, message_template_name: `template_${id}`, message_template_language: "en-US" },
    time,
  );
const eventsOf = (...bodies: unknown[]): WebhookEvent[] =>
  bodies.flatMap((body) => {
    const { events, issues } = parseWebhook(body);
    expect(issues).toEqual([]);
    return [...events];
  });
const pause = (title: string) => ({ other_info: { title, description: `${title} for 3 hours` } });

describe("the examples of templates-management.md §5, read exactly", () => {
  // Every member as sent, the id as the API's digits, and the language code read beside the code as sent.
  it.each([
    ["message_template_status_update", "status_update", "en", "REJECTED with its reason and rejection_info"],
    ["message_template_quality_update", "quality_update", "en_US", "both scores; en-US read as en_US"],
    ["template_category_update", "pending", "en_US", "pending: the category now, the correct one and when"],
    ["message_template_components_update", "components_update", "en_US", "texts and buttons of the edited template"],
  ] as const)("%s (%s): %s", (field, type, language, _what) => {
    const example = examples[field];
    expect(only(field, example)).toEqual({
      ...exampleChange(field, type, example),
      ...example,
      message_template_id: String(example.message_template_id),
      language,
    });
  });

  it("template_category_update done: previous → new; a correct_category equal to new_category is done too (§3.5)", () => {
    expect(only("template_category_update", categoryDone)).toEqual({
      ...exampleChange("template_category_update", "done", categoryDone),
      message_template_id: "278077987957091",
      message_template_name: "welcome_template",
      message_template_language: "en-US",
      language: "en_US",
      previous_category: "UTILITY",
      new_category: "MARKETING",
    });
    const equal = { ...examples.template_category_update, new_category: "MARKETING" };
    expect(only("template_category_update", equal)).toMatchObject({
      type: "done",
      new_category: "MARKETING",
      correct_category: "MARKETING",
    });
  });

  it("a pause: other_info, disable_info with its date in quotes (as Meta shows it) or as an integer, reason null", () => {
    const paused = { ...examples.message_template_status_update, event: "PAUSED", reason: null, rejection_info: undefined };
    expect(only("message_template_status_update", { ...paused, ...pause("FIRST_PAUSE") })).toMatchObject({
      event: "PAUSED",
      reason: null,
      other_info: { title: "FIRST_PAUSE", description: "FIRST_PAUSE for 3 hours" },
    });
    for (const disable_date of ["1767312000", 1_767_312_000])
      expect(
        only("message_template_status_update", { ...paused, event: "DISABLED", disable_info: { disable_date }, ...pause("DISABLED") }),
      ).toMatchObject({ event: "DISABLED", disable_info: { disable_date: 1_767_312_000 }, other_info: { title: "DISABLED" } });
  });
});

describe("open enums: a value not known yet is kept as sent; a known one in another case is read in Meta's case", () => {
  const cases: [keyof typeof examples, string, string, Record<string, unknown>][] = [
    ["message_template_status_update", "event", "SUSPENDED_FOR_REVIEW", { event: "SUSPENDED_FOR_REVIEW" }],
    ["message_template_status_update", "reason", "LOW_ENGAGEMENT", { reason: "LOW_ENGAGEMENT" }],
    ["message_template_status_update", "message_template_category", "SERVICE", { message_template_category: "SERVICE" }],
    ["message_template_quality_update", "new_quality_score", "ORANGE", { new_quality_score: "ORANGE" }],
    ["template_category_update", "new_category", "SERVICE", { new_category: "SERVICE" }],
  ];
  it.each(cases)("%s %s = %s", (field, _member, _value, change) => {
    const value = { ...examples[field], ...change };
    expect(only(field, value)).toMatchObject({ ...change, raw: value });
  });

  it("an unknown pause title and button type are kept", () => {
    expect(
      only("message_template_status_update", { ...examples.message_template_status_update, other_info: { title: "THIRD_PAUSE" } }),
    ).toMatchObject({ other_info: { title: "THIRD_PAUSE" } });
    const buttons = [{ message_template_button_type: "CALL_PERMISSION_REQUEST", message_template_button_text: "Call me" }];
    expect(
      only("message_template_components_update", { ...examples.message_template_components_update, message_template_buttons: buttons }),
    ).toMatchObject({ message_template_buttons: buttons });
  });

  it("`paused` in lower case (Meta's pacing page, §6.9) is PAUSED; raw keeps what came", () => {
    const value = { ...examples.message_template_status_update, event: "paused", message_template_category: "marketing", reason: "none" };
    expect(only("message_template_status_update", value)).toMatchObject({
      event: "PAUSED",
      message_template_category: "MARKETING",
      reason: "NONE",
      raw: { event: "paused" },
    });
  });

  it("language codes: en-US and en_US read alike; others as sent", () => {
    const language = (code: string) =>
      only("message_template_quality_update", { ...examples.message_template_quality_update, message_template_language: code });
    expect(language("en-US")).toMatchObject({ message_template_language: "en-US", language: "en_US" });
    expect(language("en_US")).toMatchObject({ message_template_language: "en_US", language: "en_US" });
    expect(language("pt-br")).toMatchObject({ language: "pt_BR" });
    expect(language("prs_AF")).toMatchObject({ language: "prs_AF" });
    expect(language("fil")).toMatchObject({ language: "fil" });
    expect(language("zh-Hant-TW")).toMatchObject({ language: "zh-Hant-TW" });
  });
});

describe("message_template_id: the integer Meta sends, as digits", () => {
  const withId = (id: unknown) =>
    parseWebhook(changeOf("message_template_quality_update", { ...examples.message_template_quality_update, message_template_id: id }));

  it("an integer up to 2^53 - 1 and digits in a string keep their digits exactly", () => {
    expect(withId(9_007_199_254_740_991)).toMatchObject({ issues: [], events: [{ message_template_id: "9007199254740991" }] });
    expect(withId("12345678901234567890123")).toMatchObject({ issues: [], events: [{ message_template_id: "12345678901234567890123" }] });
  });

  it("an integer beyond 2^53 - 1 (rounded by JSON.parse) is read as the rounded digits, never an exponent, and reported", () => {
    const parsed = JSON.parse('{"id":12345678901234567891}') as { id: number };
    const { events, issues } = withId(parsed.id);
    expect(events[0]).toMatchObject({ kind: "change", message_template_id: "12345678901234567168" });
    expect(issues).toEqual([
      {
        path: `${at}.value.message_template_id`,
        code: "out_of_range",
        severity: "error",
        message:
          "an integer up to 2^53 - 1 (9007199254740991) keeps its digits through JSON.parse; got one beyond it, read as 12345678901234567168, which may not be Meta's digits (parse the body with big integers as strings to keep them)",
      },
    ]);
    expect(withId(1e21).events[0]).toMatchObject({ message_template_id: "1000000000000000000000" });
  });

  it.each([
    ["-1", -1, "a non-negative integer (or up to 64 digits), got -1"],
    ["1.5", 1.5, "a non-negative integer (or up to 64 digits), got 1.5"],
    ['"12a"', "12a", 'a non-negative integer (or up to 64 digits), got "12a"'],
    ['""', "", 'a non-negative integer (or up to 64 digits), got ""'],
    ["true", true, "a non-negative integer (or up to 64 digits), got true"],
    ["an object", { id: 1 }, "a non-negative integer (or up to 64 digits), got an object"],
    ["NaN", Number.NaN, "a non-negative integer (or up to 64 digits), got NaN"],
    [
      "a million digits",
      "9".repeat(1_000_000),
      `a non-negative integer (or up to 64 digits), got "${"9".repeat(64)}"… (1000000 characters)`,
    ],
  ])("%s is refused: the object stays as an `other` event", (_label, id, message) => {
    const { events, issues } = withId(id);
    expect(issues).toEqual([{ path: `${at}.value.message_template_id`, code: "invalid_type", severity: "error", message }]);
    expect(events).toEqual([
      { kind: "other", wabaId, field: "message_template_quality_update", path: `${at}.value`, raw: expect.any(Object) },
    ]);
  });

  it("a missing id, name or language is required", () => {
    for (const member of ["message_template_id", "message_template_name", "message_template_language"]) {
      const { events, issues } = parseWebhook(
        changeOf("message_template_status_update", { ...examples.message_template_status_update, [member]: undefined }),
      );
      expect(issues).toEqual([expect.objectContaining({ path: `${at}.value.${member}`, code: "required" })]);
      expect(events[0]?.kind).toBe("other");
    }
  });
});

describe("members of the wrong JSON type: an issue at the path, the event still typed where it can be", () => {
  const statusWith = (member: Record<string, unknown>) =>
    parseWebhook(changeOf("message_template_status_update", { ...examples.message_template_status_update, ...member }));

  it.each<[Record<string, unknown>, string, string, string]>([
    [{ disable_info: "tomorrow" }, "disable_info", "invalid_type", "an object, got string"],
    [
      { disable_info: { disable_date: "soon" } },
      "disable_info.disable_date",
      "invalid_format",
      'Unix seconds, as digits or a number, got "soon"',
    ],
    [{ other_info: [] }, "other_info", "invalid_type", "an object, got an array"],
    [{ other_info: { title: 5 } }, "other_info.title", "invalid_type", "a string, got number"],
    [{ other_info: { description: "no title" } }, "other_info.title", "required", "a string is required"],
    [
      { other_info: { title: "FIRST_PAUSE", description: { text: "x" } } },
      "other_info.description",
      "invalid_type",
      "a string, got object",
    ],
    [{ rejection_info: { reason: 5, recommendation: "x" } }, "rejection_info.reason", "invalid_type", "a string, got number"],
    [{ rejection_info: 7 }, "rejection_info", "invalid_type", "an object, got number"],
    [{ reason: 7 }, "reason", "invalid_type", "a string, got number"],
    [{ reason: undefined }, "reason", "required", "a string is required"],
    [{ message_template_category: ["MARKETING"] }, "message_template_category", "invalid_type", "a string, got an array"],
  ])("%j → %s %s", (member, path, code, message) => {
    const { events, issues } = statusWith(member);
    expect(issues).toEqual([{ path: `${at}.value.${path}`, code, severity: "error", message }]);
    expect(events[0]).toMatchObject({ kind: "change", field: "message_template_status_update", event: "REJECTED" });
  });

  it("a wrong member is left out of the typed event; raw keeps it", () => {
    const { events } = statusWith({ other_info: { title: 5 }, disable_info: { disable_date: "soon" } });
    expect(events[0]).not.toHaveProperty("other_info");
    expect(events[0]).toMatchObject({ disable_info: {}, raw: { other_info: { title: 5 } } });
  });

  it("the event itself of the wrong type or missing: an `other` event", () => {
    for (const event of [undefined, 3, null]) {
      const { events, issues } = statusWith({ event });
      expect(issues).toEqual([expect.objectContaining({ path: `${at}.value.event` })]);
      expect(events[0]?.kind).toBe("other");
    }
  });

  it("quality, category and components members are checked too", () => {
    const check = (field: keyof typeof examples, member: Record<string, unknown>) =>
      parseWebhook(changeOf(field, { ...examples[field], ...member }));
    expect(check("message_template_quality_update", { new_quality_score: 1 })).toMatchObject({
      events: [{ kind: "other" }],
      issues: [{ path: `${at}.value.new_quality_score`, code: "invalid_type" }],
    });
    expect(check("message_template_quality_update", { previous_quality_score: false })).toMatchObject({
      events: [{ kind: "change", new_quality_score: "YELLOW" }],
      issues: [{ path: `${at}.value.previous_quality_score`, code: "invalid_type" }],
    });
    expect(check("template_category_update", { category_update_timestamp: "next month" })).toMatchObject({
      events: [{ kind: "change", type: "pending" }],
      issues: [{ path: `${at}.value.category_update_timestamp`, code: "invalid_format" }],
    });
    expect(check("template_category_update", { new_category: undefined })).toMatchObject({
      events: [{ kind: "other" }],
      issues: [{ path: `${at}.value.new_category`, code: "required" }],
    });
    expect(
      check("message_template_components_update", {
        message_template_element: 12,
        message_template_buttons: [
          7,
          { message_template_button_text: "No type" },
          { message_template_button_type: "URL", message_template_button_url: 3 },
        ],
      }),
    ).toMatchObject({
      events: [{ kind: "change", message_template_buttons: [{ message_template_button_type: "URL" }] }],
      issues: [
        { path: `${at}.value.message_template_element`, code: "invalid_type" },
        { path: `${at}.value.message_template_buttons[0]`, code: "invalid_type" },
        { path: `${at}.value.message_template_buttons[1].message_template_button_type`, code: "required" },
        { path: `${at}.value.message_template_buttons[2].message_template_button_url`, code: "invalid_type" },
      ],
    });
    expect(check("message_template_components_update", { message_template_buttons: "URL" })).toMatchObject({
      events: [{ kind: "change" }],
      issues: [{ path: `${at}.value.message_template_buttons`, code: "invalid_type" }],
    });
  });
});

describe("hostile input", () => {
  /** An array nested `depth` deep, built without recursion (as `JSON.parse` would build it). */
  const nested = (depth: number): unknown => {
    let value: unknown = [];
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it("a 50,000-deep value where a string belongs: described, not walked; the event keyed without recursion", () => {
    const deep = nested(50_000);
    const { events, issues } = parseWebhook(
      changeOf("message_template_status_update", {
        ...examples.message_template_status_update,
        other_info: { title: "FIRST_PAUSE", description: deep },
      }),
    );
    expect(issues).toEqual([
      { path: `${at}.value.other_info.description`, code: "invalid_type", severity: "error", message: "a string, got an array" },
    ]);
    const event = events[0] as WebhookEvent;
    expect(eventKey(event)).toMatch(/^template:102290129340398:message_template_status_update:1767225600:#\d+:[0-9a-f]{32}:/);
    expect(trackTemplates([event]).get("1689556908129835")?.other_info).toEqual({ title: "FIRST_PAUSE" });
  });

  it("a 3 MB rejection text is kept whole in the event, and its key stays short", () => {
    const huge = "x".repeat(3_000_000);
    const event = only("message_template_status_update", {
      ...examples.message_template_status_update,
      rejection_info: { reason: huge, recommendation: "shorter" },
    });
    expect(event.field === "message_template_status_update" && event.rejection_info?.reason?.length).toBe(3_000_000);
    expect(eventKey(event).length).toBeLessThan(200);
  });

  it("__proto__ and constructor keys are not data: members under them are not read, Object.prototype is untouched", () => {
    const polluted = JSON.parse(
      `{"object":"whatsapp_business_account","entry":[{"id":"1","time":5,"changes":[
        {"field":"message_template_status_update","value":{"__proto__":{"event":"APPROVED","message_template_id":1,"message_template_name":"a","message_template_language":"en"}}},
        {"field":"message_template_status_update","value":{"event":"APPROVED","message_template_id":2,"message_template_name":"b","message_template_language":"en","message_template_category":"UTILITY","reason":"NONE","other_info":{"__proto__":{"title":"UNPAUSE"}},"constructor":{"prototype":{"polluted":true}}}}
      ]}]}`,
    );
    const { events, issues } = parseWebhook(polluted);
    expect(events[0]?.kind).toBe("other");
    expect(issues.map((issue) => issue.path)).toEqual([
      "entry[0].changes[0].value.event",
      "entry[0].changes[0].value.message_template_id",
      "entry[0].changes[0].value.message_template_name",
      "entry[0].changes[0].value.message_template_language",
      "entry[0].changes[0].value.message_template_category",
      "entry[0].changes[0].value.reason",
      "entry[0].changes[1].value.other_info.title",
    ]);
    expect(events[1]).toMatchObject({ kind: "change", event: "APPROVED", message_template_id: "2" });
    expect(events[1]).not.toHaveProperty("other_info");
    const templates = trackTemplates(events);
    expect([...templates.keys()]).toEqual(["2"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "title")).toBe(false);
  });

  it("property: any JSON value for any member of the four fields never throws; issues stay in the change; the reducer takes the result", () => {
    const fields = [
      "message_template_status_update",
      "message_template_quality_update",
      "template_category_update",
      "message_template_components_update",
    ] as const;
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.string(), fc.jsonValue(), fc.jsonValue(), (field, name, junk, other) => {
        const example = examples[field] as Record<string, unknown>;
        const members = Object.keys(example);
        const member = members[name.length % members.length] as string;
        for (const value of [{ ...example, [member]: junk }, { ...example, [name]: junk, other_info: other }, junk]) {
          const { events, issues } = parseWebhook(changeOf(field, value));
          for (const issue of issues) expect(issue.path.startsWith(at)).toBe(true);
          expect(events.every((event) => event.kind === "change" || event.kind === "other")).toBe(true);
          expect(() => trackTemplates(events)).not.toThrow();
          for (const event of events) expect(typeof eventKey(event)).toBe("string");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("10,000 templates in one batch: parsed, tracked and found; a second pass of quality updates touches each once", () => {
    const count = 10_000;
    const changes = Array.from({ length: count }, (_, i) => ({
      field: "message_template_status_update",
      value: {
        event: "APPROVED",
        message_template_id: 1_000_000_000_000 + i,
        message_template_name: `template_${i}`,
        message_template_language: i % 2 === 0 ? "en_US" : "en-US",
        message_template_category: "UTILITY",
        reason: "NONE",
      },
    }));
    const { events, issues } = parseWebhook({ object: "whatsapp_business_account", entry: [{ id: wabaId, time: 100, changes }] });
    expect(issues).toEqual([]);
    const templates = trackTemplates(events);
    expect(templates.size).toBe(count);
    expect(findTemplate(templates, "template_9999", "en_US")).toMatchObject({ id: "1000000009999", status: "APPROVED" });
    const red = parseWebhook({
      object: "whatsapp_business_account",
      entry: [
        {
          id: wabaId,
          time: 200,
          changes: changes.map(({ value }) => ({
            field: "message_template_quality_update",
            value: { ...value, event: undefined, new_quality_score: "RED" },
          })),
        },
      ],
    });
    trackTemplates(red.events, templates);
    expect(templates.size).toBe(count);
    expect([...templates.values()].every((t) => t.quality === "RED" && t.status === "APPROVED" && t.updatedAt === 200)).toBe(true);
  }, 60_000);
});

describe("dedupe keys of template updates", () => {
  it("a retry (same body, same time) is a duplicate; the same update later (approved again after an edit) is not", () => {
    const first = eventsOf(status(100, "APPROVED"));
    const retry = eventsOf(status(100, "APPROVED"));
    const again = eventsOf(status(300, "APPROVED"));
    expect(eventKey(first[0] as WebhookEvent)).toBe(eventKey(retry[0] as WebhookEvent));
    expect(eventKey(first[0] as WebhookEvent)).not.toBe(eventKey(again[0] as WebhookEvent));
    expect(dedupe([...first, ...retry, ...again], new Set())).toHaveLength(2);
  });
});

describe("trackTemplates: each template's state now", () => {
  const id = "42";
  const state = (events: WebhookEvent[], into?: Map<string, TrackedTemplate>) => trackTemplates(events, into).get(id);

  it("the pause ladder: FIRST_PAUSE → UNPAUSE → SECOND_PAUSE → DISABLED", () => {
    const templates = new Map<string, TrackedTemplate>();
    const step = (body: unknown) => state(eventsOf(body), templates);
    expect(step(status(100, "PENDING"))).toMatchObject({ status: "PENDING", reason: "NONE" });
    expect(step(status(200, "APPROVED"))).toMatchObject({ status: "APPROVED" });
    expect(step(quality(300, "RED"))).toMatchObject({ status: "APPROVED", quality: "RED" });
    expect(step(status(400, "PAUSED", pause("FIRST_PAUSE")))).toMatchObject({
      status: "PAUSED",
      lastPause: "FIRST_PAUSE",
      other_info: { title: "FIRST_PAUSE" },
    });
    // The unpause: an APPROVED event whose title is UNPAUSE (Meta does not document the event; §6.9).
    expect(step(status(500, "APPROVED", pause("UNPAUSE")))).toMatchObject({
      status: "APPROVED",
      lastPause: "FIRST_PAUSE",
      other_info: { title: "UNPAUSE" },
    });
    expect(step(status(600, "PAUSED", pause("SECOND_PAUSE")))).toMatchObject({ status: "PAUSED", lastPause: "SECOND_PAUSE" });
    expect(step(status(700, "DISABLED", { ...pause("DISABLED"), disable_info: { disable_date: 700 } }))).toEqual({
      id,
      wabaId,
      name: "template_42",
      language: "en_US",
      status: "DISABLED",
      event: "DISABLED",
      reason: "NONE",
      other_info: { title: "DISABLED", description: "DISABLED for 3 hours" },
      disable_info: { disable_date: 700 },
      lastPause: "SECOND_PAUSE",
      quality: "RED",
      category: "UTILITY",
      since: { status: 700, category: 700, pause: 600, quality: 300 },
      updatedAt: 700,
    });
    expect(findTemplate(templates, "template_42", "en-US")?.status).toBe("DISABLED");
  });

  it("an unpause sent as its own event (UNPAUSE, or PAUSED with title UNPAUSE) is APPROVED too", () => {
    for (const body of [status(500, "UNPAUSE"), status(500, "UNPAUSED"), status(500, "PAUSED", pause("UNPAUSE"))])
      expect(state(eventsOf(status(400, "PAUSED", pause("FIRST_PAUSE")), body))).toMatchObject({ status: "APPROVED" });
  });

  it("REINSTATED is APPROVED; UNARCHIVED restores the status before archival (else APPROVED); unknown events are the status", () => {
    expect(state(eventsOf(status(1, "FLAGGED"), status(2, "REINSTATED")))).toMatchObject({ status: "APPROVED", event: "REINSTATED" });
    expect(state(eventsOf(status(1, "REJECTED"), status(2, "ARCHIVED"), status(3, "UNARCHIVED")))).toMatchObject({
      status: "REJECTED",
      event: "UNARCHIVED",
    });
    expect(state(eventsOf(status(1, "APPROVED"), status(2, "ARCHIVED")))).toMatchObject({ status: "ARCHIVED", archivedFrom: "APPROVED" });
    expect(state(eventsOf(status(3, "UNARCHIVED")))).toMatchObject({ status: "APPROVED" });
    expect(state(eventsOf(status(1, "APPROVED"), status(2, "SUSPENDED_FOR_REVIEW")))).toMatchObject({ status: "SUSPENDED_FOR_REVIEW" });
  });

  it("rejection_info is the last status event's: cleared when the edited template is approved", () => {
    const rejected = status(1, "REJECTED", { rejection_info: { reason: "adjacent", recommendation: "separate" } });
    expect(state(eventsOf(rejected))).toMatchObject({
      status: "REJECTED",
      reason: "INVALID_FORMAT",
      rejection_info: { reason: "adjacent" },
    });
    const approved = state(eventsOf(rejected, status(2, "PENDING"), status(3, "APPROVED")));
    expect(approved).toMatchObject({ status: "APPROVED", reason: "NONE" });
    expect(approved).not.toHaveProperty("rejection_info");
  });

  it("category: a pending change with when it happens, then done; a status event's category counts too", () => {
    const pending = bodyAt("template_category_update", { ...examples.template_category_update, message_template_id: 42 }, 100);
    const done = bodyAt("template_category_update", { ...categoryDone, message_template_id: 42 }, 200);
    expect(state(eventsOf(pending))).toMatchObject({
      category: "UTILITY",
      categoryChange: { correct_category: "MARKETING", category_update_timestamp: 1_746_169_200 },
    });
    const after = state(eventsOf(pending, done));
    expect(after).toMatchObject({ category: "MARKETING", previous_category: "UTILITY" });
    expect(after).not.toHaveProperty("categoryChange");
    // Out of order: the announcement arriving after the change does not bring it back.
    expect(state(eventsOf(done, pending))).not.toHaveProperty("categoryChange");
    // Approved as MARKETING (UTILITY content that was marketing, §3.1): the status event's category is the category.
    const approvedAs = state(eventsOf(pending, status(150, "APPROVED", { message_template_category: "MARKETING" })));
    expect(approvedAs).toMatchObject({ category: "MARKETING", status: "APPROVED" });
    expect(approvedAs).not.toHaveProperty("categoryChange");
  });

  it("the last edit's texts", () => {
    const edit = bodyAt(
      "message_template_components_update",
      { ...examples.message_template_components_update, message_template_id: 42 },
      9,
    );
    expect(state(eventsOf(edit))).toMatchObject({
      components: {
        message_template_element: "Thank you for your order, {{1}}! …",
        message_template_buttons: [{ message_template_button_type: "URL" }],
      },
      since: { components: 9 },
    });
  });

  it("out of order: an older event arriving late does not undo a newer one, part by part", () => {
    const late = state(
      eventsOf(status(300, "PAUSED", pause("FIRST_PAUSE")), quality(250, "RED"), status(200, "APPROVED"), quality(100, "GREEN")),
    );
    expect(late).toMatchObject({ status: "PAUSED", quality: "RED", since: { status: 300, quality: 250 }, updatedAt: 300 });
  });

  it("property: any arrival order, with any deliveries repeated, ends where the events in time order end", () => {
    const lifecycle = [
      status(100, "PENDING"),
      status(200, "APPROVED"),
      quality(250, "YELLOW"),
      quality(300, "RED"),
      status(400, "PAUSED", pause("FIRST_PAUSE")),
      status(500, "APPROVED", pause("UNPAUSE")),
      quality(550, "GREEN"),
      status(600, "PAUSED", pause("SECOND_PAUSE")),
      status(700, "DISABLED", pause("DISABLED")),
    ].map((body) => eventsOf(body)[0] as WebhookEvent);
    const inOrder = state(lifecycle);
    expect(inOrder).toMatchObject({ status: "DISABLED", quality: "GREEN", lastPause: "SECOND_PAUSE" });
    fc.assert(
      fc.property(
        fc.shuffledSubarray(lifecycle, { minLength: lifecycle.length, maxLength: lifecycle.length }),
        fc.array(fc.nat(lifecycle.length - 1), { maxLength: 6 }),
        (shuffled, repeats) => {
          const delivered = [...shuffled, ...repeats.map((index) => lifecycle[index] as WebhookEvent)];
          expect(state(delivered)).toEqual(inOrder);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("duplicates within one second: a redelivery of an earlier same-second event does not undo a later one", () => {
    const [pending, approved] = eventsOf(status(100, "PENDING"), status(100, "APPROVED"));
    const events = [pending, approved, pending, approved, pending] as WebhookEvent[];
    expect(state(events)).toMatchObject({ status: "APPROVED" });
    // Kept across calls with the same map, and told by content: a redelivery is a body parsed again.
    const templates = trackTemplates([pending, approved] as WebhookEvent[]);
    expect(state(eventsOf(status(100, "PENDING")), templates)).toMatchObject({ status: "APPROVED" });
    // A different event in the same second is not a redelivery: it applies, in arrival order.
    expect(state(eventsOf(status(100, "PAUSED", pause("FIRST_PAUSE"))), templates)).toMatchObject({ status: "PAUSED" });
  });

  it("an event without entry.time applies in arrival order and leaves the times as they were", () => {
    const untimed = state(eventsOf(status(100, "APPROVED"), status(undefined, "PAUSED", pause("FIRST_PAUSE"))));
    expect(untimed).toMatchObject({ status: "PAUSED", since: { status: 100 }, updatedAt: 100 });
    expect(state(eventsOf(status(undefined, "PENDING")))).toMatchObject({ status: "PENDING", since: {} });
    expect(state(eventsOf(status(undefined, "PENDING")))).not.toHaveProperty("updatedAt");
  });

  it("findTemplate: by name and language in either form, per account, the newest when a name was created again", () => {
    const templates = trackTemplates(
      eventsOf(
        status(100, "DELETED", {}, 1),
        bodyAt(
          "message_template_status_update",
          { ...(status(200, "APPROVED", {}, 2).entry[0]?.changes[0]?.value ?? {}), message_template_name: "template_1" },
          200,
        ),
      ),
    );
    expect(findTemplate(templates, "template_1", "en-US")).toMatchObject({ id: "2", status: "APPROVED" });
    expect(findTemplate(templates, "template_1", "en_US", wabaId)?.id).toBe("2");
    expect(findTemplate(templates, "template_1", "en_US", "other-waba")).toBeUndefined();
    expect(findTemplate(templates, "template_1", "de")).toBeUndefined();
    expect(templates.get("1")).toMatchObject({ status: "DELETED" });
  });

  it("other events pass through untouched; a map passed in is the one returned", () => {
    const into = new Map<string, TrackedTemplate>();
    const others = eventsOf(changeOf("account_review_update", { decision: "APPROVED" }));
    expect(trackTemplates(others, into)).toBe(into);
    expect(into.size).toBe(0);
  });
});
