import { request } from "node:http";
import { describe, expect, it } from "@jest/globals";
import { type Emulator, type EmulatorOptions, startEmulator } from "../src/index.js";
import { releasedAfterEach, startReleased } from "./support/released.js";

// The template management endpoints and their control routes, attacked as a careless client or an
// attacker would: the 251st template, huge and deep bodies, wrong JSON types, bad and forged ids,
// wrong tokens, markup in names. Each answer names the field, the limit and what was given.

const templatesPath = "/v23.0/102290129340398/message_templates";
const open = releasedAfterEach();

const start = (options: EmulatorOptions = {}): Promise<Emulator> => startReleased(open, options);

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & {
    error?: { code: number; error_subcode?: number; message: string; error_data?: { details: string } } | string;
  };
}
async function call(
  emulator: Emulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { Authorization: "Bearer test-token", "Content-Type": "application/json", ...headers },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}
const details = (answer: Answer): string | undefined =>
  typeof answer.body.error === "object" ? answer.body.error.error_data?.details : answer.body.error;
const plain = (name: string, language = "en_US") => ({
  name,
  language,
  category: "UTILITY",
  components: [{ type: "BODY", text: "Your appointment is confirmed. See you soon." }],
});

describe("hostile: template management endpoints", () => {
  it("the 251st template is refused (LIMIT_EXCEEDED, 100 / 2388019); deleting one makes room", async () => {
    const emulator = await start();
    for (let i = 0; i < 250; i++) expect((await call(emulator, "POST", templatesPath, plain(`bulk_${i}`))).status).toBe(200);
    const over = await call(emulator, "POST", templatesPath, plain("bulk_250"));
    expect([over.status, typeof over.body.error === "object" && over.body.error.error_subcode]).toEqual([400, 2388019]);
    expect(details(over)).toBe("the account holds 250 templates, its limit (LIMIT_EXCEEDED); delete one first");
    expect(emulator.templates.list()).toHaveLength(250);
    expect((await call(emulator, "DELETE", `${templatesPath}?name=bulk_0`)).status).toBe(200);
    expect((await call(emulator, "POST", templatesPath, plain("bulk_250"))).status).toBe(200);
  });

  it("options are checked: templateLimit, templateReviewDelay, and given templates over the limit", async () => {
    await expect(startEmulator({ templateLimit: 0 })).rejects.toThrow("templateLimit must be a whole number from 1 to 6000, got 0");
    await expect(startEmulator({ templateLimit: 6001 })).rejects.toThrow("got 6001");
    await expect(startEmulator({ templateReviewDelay: "soon" })).rejects.toThrow(
      'templateReviewDelay is a duration like "1m", "2h" or milliseconds, from 0 to 30 days, got soon',
    );
    await expect(startEmulator({ templateReviewDelay: "31d" })).rejects.toThrow("got 31d");
    await expect(startEmulator({ templates: [plain("a"), plain("b")], templateLimit: 1 })).rejects.toThrow(
      "templates holds 2 templates, over templateLimit (1)",
    );
    await expect(startEmulator({ templates: [{ name: 1, language: "en_US" } as never] })).rejects.toThrow(
      "templates.data[0] needs a name and a language (strings)",
    );
  });

  it("given templates that share an id, or whose id a webhook cannot carry as a number, each get an id of their own", async () => {
    const emulator = await start({
      templates: [
        { ...plain("one"), id: "1023741869187551" },
        { ...plain("two"), id: "1023741869187551" },
        { ...plain("three"), id: "99999999999999999999" },
        { ...plain("four"), id: { $ne: 1 } },
      ],
    });
    const ids = emulator.templates.list().map((t) => t.id);
    expect(ids[0]).toBe("1023741869187551");
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(Number.isSafeInteger(Number(id))).toBe(true);
  });

  it("huge, deep, non-JSON and mistyped bodies: 413, 415 and 400s that name the field, never a crash", async () => {
    const emulator = await start();
    const huge = await call(emulator, "POST", templatesPath, { ...plain("huge"), padding: "x".repeat(200_000) });
    expect([huge.status, details(huge)]).toEqual([413, "request body over 131072 bytes"]);
    const deep = await call(emulator, "POST", templatesPath, `${"[".repeat(40)}${"]".repeat(40)}`);
    expect([deep.status, details(deep)]).toEqual([400, "the request body nests 40 levels deep, over 32"]);
    const deeper = await call(emulator, "POST", templatesPath, `${"[".repeat(500_000)}${"]".repeat(500_000)}`);
    expect(deeper.status).toBe(413);
    expect(details(await call(emulator, "POST", templatesPath, "{not json"))).toBe("the request body is not valid JSON");
    const form = await call(emulator, "POST", templatesPath, "name=a", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(form.status).toBe(415);
    // The create-stage rules are checkTemplateCreation's (the builder's): each names the field, what it takes and what came.
    const cases: [unknown, string | RegExp][] = [
      [[], "the body is a template: a JSON object { name, language, category, components }, got an array"],
      [null, "the body is a template: a JSON object { name, language, category, components }, got null"],
      ['"text"', "the body is a template: a JSON object { name, language, category, components }, got string"],
      [{ ...plain("x"), name: 5 }, "name: expected a string of lowercase a-z, 0-9 and _, got number"],
      [
        { ...plain("x"), language: "english" },
        'language: expected one of the 111 template language codes (en_US, pt_BR, …), got "english"',
      ],
      [{ ...plain("x"), language: ["en"] }, "language: expected one of the 111 template language codes (en_US, pt_BR, …), got an array"],
      [{ ...plain("x"), category: "PROMO" }, 'category: expected MARKETING, UTILITY or AUTHENTICATION (any case), got "PROMO"'],
      [{ ...plain("x"), components: {} }, "components: expected an array of components with a BODY, got object"],
      [{ ...plain("x"), components: [] }, "components: expected an array of components with a BODY, got []"],
      [
        { ...plain("x"), components: Array(11).fill({ type: "BODY", text: "a" }) },
        "components[1].type: at most one BODY component per template",
      ],
      [
        { ...plain("x"), components: [1] },
        "components[0]: expected a component object, got number; components: a template needs exactly one BODY component",
      ],
      [{ ...plain("x"), components: [{ type: "FOOTER", text: "a" }] }, "components: a template needs exactly one BODY component"],
      [{ ...plain("x"), parameter_format: 5 }, "parameter_format: expected POSITIONAL or NAMED (any case), got 5"],
      [{ ...plain("x"), message_send_ttl_seconds: "60" }, 'message_send_ttl_seconds: UTILITY templates take 30 to 43200 seconds, got "60"'],
      [{ ...plain("x"), sub_category: 1 }, "sub_category: expected a string, got number"],
      [{ ...plain("x"), ["k".repeat(10_000)]: 1 }, /^"k{60}" is not a field of a template \(fields: name, language, /],
    ];
    const got: (string | undefined)[] = [];
    for (const [body] of cases) {
      const answer = await call(emulator, "POST", templatesPath, body);
      expect([answer.status, typeof answer.body.error === "object" && answer.body.error.code]).toEqual([400, 100]);
      got.push(details(answer));
    }
    cases.forEach(([, expected], i) => {
      if (typeof expected === "string") expect(got[i]).toBe(expected);
      else expect(got[i]).toMatch(expected);
    });
    expect(emulator.templates.list()).toEqual([]);
  });

  it("a huge body is answered 413 with the connection closed, so the rest of it is never read", async () => {
    const emulator = await start();
    const { port } = new URL(emulator.url);
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const outgoing = request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: templatesPath,
          headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
        },
        (response) => {
          response.resume();
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
        },
      );
      outgoing.on("error", reject);
      outgoing.end(`{"name":"${"a".repeat(200_000)}"}`);
    });
    expect(answer).toEqual({ status: 413, connection: "close" });
  });

  it("bad and forged ids: 404 for a path that is not an id, 100 / 33 for an id that is not a template here", async () => {
    const emulator = await start();
    expect((await call(emulator, "GET", "/v23.0/not-an-id")).status).toBe(404);
    const forged = "1999999999999999";
    const edit = await call(emulator, "POST", `/v23.0/${forged}`, { components: plain("x").components });
    expect([edit.status, typeof edit.body.error === "object" && edit.body.error.error_subcode]).toEqual([400, 33]);
    expect(typeof edit.body.error === "object" && edit.body.error.message).toBe(
      `(#100) Unsupported post request. Object with ID '${forged}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
    );
    const unpause = await call(emulator, "POST", `/v23.0/${forged}/unpause`);
    expect([unpause.status, typeof unpause.body.error === "object" && unpause.body.error.error_subcode]).toEqual([400, 33]);
    const long = "9".repeat(400);
    expect(details(await call(emulator, "POST", `/v23.0/${long}`, {}))).toBe(
      `no template with id ${"9".repeat(40)} (deleted, or never created here)`,
    );
    // GET of an id that is not a template's is a media lookup, refused the media endpoint's way.
    const get = await call(emulator, "GET", `/v23.0/${forged}`);
    expect([get.status, typeof get.body.error === "object" && get.body.error.code]).toEqual([400, 100]);
    const hsm = await call(emulator, "DELETE", `${templatesPath}?hsm_ids=[1,`);
    expect(details(hsm)).toBe("hsm_ids is a JSON array of template ids ([id1,id2]) or a comma-joined list");
    const archive = await call(emulator, "POST", `${templatesPath}/archive`, { hsm_ids: ["abc"] });
    expect(details(archive)).toBe('hsm_ids[0] is a template id (digits), got "abc"');
    const unsafe = await call(emulator, "POST", `${templatesPath}/archive`, { hsm_ids: [1e30] });
    expect(details(unsafe)).toBe("hsm_ids[0] is a template id (digits), got number");
    const tooMany = await call(emulator, "POST", `${templatesPath}/unarchive`, { hsm_ids: Array(101).fill("1") });
    expect(details(tooMany)).toBe("hsm_ids holds 1 to 100 template ids, got 101 ids");
    const page = await call(emulator, "GET", `${templatesPath}?limit=${"9".repeat(500)}`);
    expect(details(page)).toBe(`limit must be a whole number ≥ 1, got "${"9".repeat(100)}"`);
  });

  it("a wrong token is 401 on every template endpoint, and changes nothing", async () => {
    const emulator = await start();
    const created = await call(emulator, "POST", templatesPath, plain("guarded"));
    const id = String(created.body.id);
    const wrong = { Authorization: "Bearer nope" };
    const attempts: [string, string, unknown?][] = [
      ["GET", templatesPath],
      ["POST", templatesPath, plain("intruder")],
      ["DELETE", `${templatesPath}?name=guarded`],
      ["GET", `/v23.0/${id}`],
      ["POST", `/v23.0/${id}`, { category: "MARKETING" }],
      ["POST", `${templatesPath}/archive`, { hsm_ids: [id] }],
      ["POST", `/v23.0/${id}/unpause`],
    ];
    for (const [method, path, body] of attempts) {
      const answer = await call(emulator, method, path, body, wrong);
      expect([method, path, answer.status, typeof answer.body.error === "object" && answer.body.error.code]).toEqual([
        method,
        path,
        401,
        190,
      ]);
    }
    expect(emulator.templates.list().map((t) => [t.name, t.status, t.category])).toEqual([["guarded", "PENDING", "UTILITY"]]);
  });
});

describe("the template control routes and the inbox", () => {
  it("GET /__templates and POST /__templates/status|pause|quality|disable|archive do what emulator.templates does", async () => {
    const emulator = await start();
    await call(emulator, "POST", templatesPath, plain("controlled"));
    await call(emulator, "POST", templatesPath, plain("controlled", "es"));
    expect((await call(emulator, "POST", "/__clock/advance", { by: "1m" })).status).toBe(200);
    const list = (await fetch(`${emulator.url}/__templates`)).json() as Promise<{ name: string; language: string; status: string }[]>;
    expect((await list).map((t) => `${t.name}:${t.language}:${t.status}`)).toEqual(["controlled:en_US:APPROVED", "controlled:es:APPROVED"]);
    expect((await call(emulator, "POST", "/__templates/status", { name: "controlled", language: "es" })).body).toEqual({
      status: "APPROVED",
    });
    const paused = await call(emulator, "POST", "/__templates/pause", { name: "controlled", language: "en_US" });
    expect(paused.body).toMatchObject({
      name: "controlled",
      language: "en_US",
      status: "PAUSED",
      quality: "RED",
      pauses: 1,
      pausedUntil: expect.any(String),
    });
    expect(
      (await call(emulator, "POST", "/__templates/quality", { name: "controlled", language: "es", score: "YELLOW" })).body,
    ).toMatchObject({
      quality: "YELLOW",
      status: "APPROVED",
    });
    expect((await call(emulator, "POST", "/__templates/archive", { name: "controlled", language: "es" })).body).toMatchObject({
      status: "ARCHIVED",
    });
    expect((await call(emulator, "POST", "/__templates/disable", { name: "controlled", language: "en_US" })).body).toMatchObject({
      status: "DISABLED",
    });
    expect(emulator.templates.list().map((t) => t.status)).toEqual(["DISABLED", "ARCHIVED"]);
  });

  it("the control routes refuse wrong input with a 400 naming the route and the field", async () => {
    const emulator = await start();
    await call(emulator, "POST", templatesPath, plain("solo"));
    const cases: [string, unknown, string][] = [
      ["/__templates/pause", { name: ["solo"] }, "/__templates/pause: templates.pause: a template name, got an array"],
      ["/__templates/pause", { name: "ghost" }, '/__templates/pause: templates.pause: no template named "ghost"'],
      [
        "/__templates/pause",
        { name: "solo" },
        "/__templates/pause: templates.pause: only an APPROVED template is paused for low quality; solo is PENDING",
      ],
      [
        "/__templates/status",
        { name: "solo", language: 7 },
        "/__templates/status: templates.status: language is a language code such as en_US, got number",
      ],
      [
        "/__templates/status",
        { name: "solo", language: "fr" },
        "/__templates/status: templates.status: solo does not exist in fr (it exists in en_US)",
      ],
      [
        "/__templates/quality",
        { name: "solo", score: "BLUE" },
        '/__templates/quality: templates.quality: score is GREEN, YELLOW, RED or UNKNOWN, got "BLUE"',
      ],
      [
        "/__templates/quality",
        { name: "solo", score: { deep: [[[]]] } },
        "/__templates/quality: templates.quality: score is GREEN, YELLOW, RED or UNKNOWN, got object",
      ],
    ];
    for (const [path, body, expected] of cases) {
      const answer = await call(emulator, "POST", path, body);
      expect([answer.status, answer.body.error]).toEqual([400, expected]);
    }
    expect((await call(emulator, "POST", "/__templates/disable", "[1]")).status).toBe(400);
    expect((await call(emulator, "POST", "/__templates/archive", { name: "x".repeat(70_000) })).status).toBe(413);
    const get = await fetch(`${emulator.url}/__templates/pause`);
    expect([get.status, get.headers.get("allow")]).toEqual([405, "POST"]);
    expect(emulator.templates.status("solo")).toBe("PENDING");
  });

  it("the inbox lists the templates with their status, names escaped", async () => {
    const emulator = await start({
      templates: [{ name: "<img src=x onerror=alert(1)>", language: "en_US", status: "APPROVED", category: "UTILITY", components: [] }],
    });
    await call(emulator, "POST", templatesPath, plain("shown"));
    const page = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(page).toContain("templates (2)");
    expect(page).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(page).not.toContain("<img src=x");
    expect(page).toMatch(
      /<td>shown<\/td><td>en_US<\/td><td>UTILITY<\/td><td data-status="PENDING">PENDING until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d<\/td><td>UNKNOWN<\/td>/,
    );
    emulator.templates.pause("<img src=x onerror=alert(1)>");
    expect(await (await fetch(`${emulator.url}/`)).text()).toMatch(/data-status="PAUSED">PAUSED until /);
  });
});
