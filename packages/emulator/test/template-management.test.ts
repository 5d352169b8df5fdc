import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import { describe, expect, it } from "@jest/globals";
import { classifyGraphError, graphErrorCodes, msg } from "@wacompose/builder";
import { authenticationCopyCodeBody, orderConfirmationBody } from "../../builder/test/fixtures/documented-templates.js";
import type { Emulator, EmulatorOptions } from "../src/index.js";
import { listenReleased, releasedAfterEach, startReleased } from "./support/released.js";

const appSecret = "template-test-secret";
const wabaId = "102290129340398";
const user = "16505551234";
const open = releasedAfterEach();

/** A webhook endpoint that keeps what it got and checks each POST's signature over its exact bytes. */
interface Hook {
  readonly url: string;
  /** The `value` of each change, with its field, in arrival order. */
  readonly changes: { field: string; value: Record<string, unknown>; entryId: string; time: number }[];
  /** POSTs whose `X-Hub-Signature-256` did not match their bytes. */
  readonly badSignatures: number;
}

async function receiver(): Promise<Hook> {
  const hook = { url: "", changes: [] as Hook["changes"], badSignatures: 0 };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac("sha256", appSecret).update(body).digest("hex")}`);
      const got = Buffer.from(String(request.headers["x-hub-signature-256"] ?? ""));
      if (got.length !== expected.length || !timingSafeEqual(got, expected)) hook.badSignatures++;
      const payload = JSON.parse(body.toString("utf8")) as {
        object: string;
        entry: { id: string; time: number; changes: { field: string; value: Record<string, unknown> }[] }[];
      };
      expect(payload.object).toBe("whatsapp_business_account");
      for (const entry of payload.entry)
        for (const change of entry.changes) hook.changes.push({ ...change, entryId: entry.id, time: entry.time });
      response.writeHead(200).end("OK");
    });
  });
  hook.url = `${await listenReleased(open, server)}/webhook`;
  return hook;
}

/** The template webhooks a hook got (not the message statuses of sends). */
const templateChanges = (hook: Hook) => hook.changes.filter((change) => change.field !== "messages");

async function setup(options: EmulatorOptions = {}): Promise<{ emulator: Emulator; hook: Hook }> {
  const hook = await receiver();
  const emulator = await startReleased(open, { webhook: { url: hook.url, appSecret, wabaId }, ...options });
  return { emulator, hook };
}

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown> & {
    error?: { code: number; error_subcode?: number; message: string; error_data?: { details: string } };
  };
}
async function call(emulator: Emulator, method: string, path: string, body?: unknown, token = "test-token"): Promise<Answer> {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}
const templatesPath = `/v23.0/${wabaId}/message_templates`;
const create = (emulator: Emulator, body: unknown) => call(emulator, "POST", templatesPath, body);
const send = (emulator: Emulator, body: unknown) => call(emulator, "POST", "/v23.0/106540352242922/messages", body);
const idOf = (answer: Answer): string => {
  expect(answer.status).toBe(200);
  return String(answer.body.id);
};

/** A marketing template with a text header, a variable URL button and examples for every variable. */
const summerSale = {
  name: "summer_sale",
  language: "en_US",
  category: "MARKETING",
  components: [
    { type: "HEADER", format: "TEXT", text: "Summer sale" },
    { type: "BODY", text: "Hi {{1}}, our summer sale ends on {{2}}. Enjoy!", example: { body_text: [["Ana", "June 30"]] } },
    { type: "FOOTER", text: "Reply STOP to opt out" },
    {
      type: "BUTTONS",
      buttons: [{ type: "URL", text: "Shop now", url: "https://example.com/sale/{{1}}", example: ["https://example.com/sale/summer"] }],
    },
  ],
};
/** Meta's own named-parameter example [templates-management.md §2], enums in lower case as Meta accepts them. */
const orderConfirmation = orderConfirmationBody();
/** A utility template without variables, to copy under other names. */
const plain = (name: string, language = "en_US") => ({
  name,
  language,
  category: "UTILITY",
  components: [{ type: "BODY", text: "Your appointment is confirmed. See you soon." }],
});
const saleMessage = (parameters: readonly string[]) =>
  msg
    .to(user)
    .template("summer_sale")
    .language("en_US")
    .body((p) => parameters.reduce((b, text) => b.text(text), p))
    .urlButton(0, "summer")
    .build();
const plainMessage = (name: string) => msg.to(user).template(name).language("en_US").build();

describe("template management: create, review on the emulator's clock, send", () => {
  it("a created template is PENDING, then APPROVED after the review delay, with a signed status webhook shaped like Meta's", async () => {
    const { emulator, hook } = await setup();
    const created = await create(emulator, summerSale);
    expect(created).toEqual({ status: 200, body: { id: expect.stringMatching(/^\d{16}$/), status: "PENDING", category: "MARKETING" } });
    const id = String(created.body.id);
    expect(Number.isSafeInteger(Number(id))).toBe(true);
    expect((await call(emulator, "GET", `/v23.0/${id}?fields=status`)).body).toEqual({ status: "PENDING", id });
    expect(emulator.templates.status("summer_sale")).toBe("PENDING");
    // While in review, a send fails as for a template that does not exist (132001).
    const early = await send(emulator, saleMessage(["Ana", "June 30"]));
    expect([early.status, early.body.error?.code, early.body.error?.error_data?.details]).toEqual([
      400,
      graphErrorCodes.templateMissing,
      "template summer_sale (en_US) is PENDING, not APPROVED",
    ]);

    emulator.clock.advance("59s");
    expect(emulator.templates.status("summer_sale")).toBe("PENDING");
    emulator.clock.advance("1s");
    expect(emulator.templates.status("summer_sale")).toBe("APPROVED");
    await emulator.webhooks.idle();
    expect(hook.badSignatures).toBe(0);
    expect(hook.changes).toEqual([
      {
        field: "message_template_status_update",
        entryId: wabaId,
        time: expect.any(Number),
        value: {
          event: "APPROVED",
          message_template_id: Number(id),
          message_template_name: "summer_sale",
          message_template_language: "en_US",
          reason: "NONE",
          message_template_category: "MARKETING",
        },
      },
    ]);
    // The webhook's template id is a JSON number in the exact bytes sent, as Meta's.
    expect(emulator.webhooks.log.at(-1)?.body).toContain(`"message_template_id":${id},`);

    expect((await send(emulator, saleMessage(["Ana", "June 30"]))).status).toBe(200);
    const short = await send(emulator, saleMessage(["Ana"]));
    expect([short.body.error?.code, short.body.error?.error_data?.details]).toEqual([
      graphErrorCodes.templateParameterCount,
      "body: expected 2 parameters, got 1",
    ]);
  });

  it("the list answers the created template as Meta does: upper-case enums, the default fields, filters and `fields`", async () => {
    const { emulator } = await setup();
    const saleId = idOf(await create(emulator, summerSale));
    const orderId = idOf(await create(emulator, orderConfirmation));
    emulator.clock.advance("1m");
    const list = await call(emulator, "GET", templatesPath);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      { ...summerSale, parameter_format: "POSITIONAL", status: "APPROVED", id: saleId },
      {
        name: "order_confirmation",
        parameter_format: "NAMED",
        components: [{ ...orderConfirmation.components[0], type: "BODY" }],
        language: "en_US",
        status: "APPROVED",
        category: "UTILITY",
        id: orderId,
      },
    ]);
    const names = async (query: string) =>
      ((await call(emulator, "GET", `${templatesPath}?${query}`)).body.data as { name: string }[]).map((t) => t.name);
    expect(await names("status=approved")).toEqual(["summer_sale", "order_confirmation"]);
    expect(await names("status=PENDING,REJECTED")).toEqual([]);
    expect(await names("category=utility")).toEqual(["order_confirmation"]);
    expect(await names("language=es")).toEqual([]);
    expect(await names("name=summer")).toEqual(["summer_sale"]);
    expect(await names("content=order%20number")).toEqual(["order_confirmation"]);
    expect(await names("name_or_content=sale")).toEqual(["summer_sale"]);
    expect(await names("quality_score=UNKNOWN")).toEqual(["summer_sale", "order_confirmation"]);
    expect((await call(emulator, "GET", `${templatesPath}?fields=name,status,quality_score&category=MARKETING`)).body.data).toEqual([
      { name: "summer_sale", status: "APPROVED", quality_score: { score: "UNKNOWN", date: 0 }, id: saleId },
    ]);
    const unknownField = await call(emulator, "GET", `${templatesPath}?fields=name,secret`);
    expect([unknownField.status, unknownField.body.error?.message]).toEqual([
      400,
      "(#100) Tried accessing nonexisting field (secret) on node type (WhatsAppBusinessHSM)",
    ]);
    expect((await call(emulator, "GET", `/v23.0/${orderId}`)).body).toMatchObject({ name: "order_confirmation", id: orderId });
    // A typed send with named parameters is held to the definition too.
    const named = msg
      .to(user)
      .template("order_confirmation")
      .language("en_US")
      .body((p) => p.text("Pablo", { name: "first_name" }).text("860198-230332", { name: "order_number" }))
      .build();
    expect((await send(emulator, named)).status).toBe(200);
  });

  it("an authentication template (copy-code OTP button, no body text) takes its one code parameter", async () => {
    const { emulator } = await setup();
    const otp = authenticationCopyCodeBody();
    const created = await create(emulator, otp);
    expect(created.body).toEqual({ id: expect.any(String), status: "PENDING", category: "AUTHENTICATION" });
    emulator.clock.advance("1m");
    const node = (await call(emulator, "GET", `/v23.0/${String(created.body.id)}?fields=components`)).body.components;
    expect(node).toEqual([
      { type: "BODY", add_security_recommendation: true },
      { type: "FOOTER", code_expiration_minutes: 5 },
      { type: "BUTTONS", buttons: [{ type: "OTP", otp_type: "COPY_CODE", text: "Copy Code" }] },
    ]);
    const template = msg.to(user).template(otp.name).language("en_US");
    const withCode = template
      .body((p) => p.text("123456"))
      .urlButton(0, "123456")
      .build();
    expect((await send(emulator, withCode)).status).toBe(200);
    const withoutCode = template.urlButton(0, "123456").build();
    expect((await send(emulator, withoutCode)).body.error?.error_data?.details).toBe("body: expected 1 parameters, got 0");
  });

  it("a template that breaks a review rule is accepted, then REJECTED with Meta's reason and rejection_info", async () => {
    const { emulator, hook } = await setup();
    const adjacent = {
      ...plain("welcome_back"),
      components: [{ type: "BODY", text: "Welcome back {{1}}{{2}}, good to see you.", example: { body_text: [["Ana", "Lopez"]] } }],
    };
    const id = idOf(await create(emulator, adjacent));
    emulator.clock.advance("1m");
    await emulator.webhooks.idle();
    expect(emulator.templates.status("welcome_back")).toBe("REJECTED");
    const value = hook.changes.at(-1)?.value;
    expect(value).toEqual({
      event: "REJECTED",
      message_template_id: Number(id),
      message_template_name: "welcome_back",
      message_template_language: "en_US",
      reason: "INVALID_FORMAT",
      message_template_category: "UTILITY",
      rejection_info: { reason: expect.stringContaining("components[0].text"), recommendation: expect.any(String) },
    });
    expect((await call(emulator, "GET", `/v23.0/${id}?fields=status,rejected_reason`)).body).toEqual({
      status: "REJECTED",
      rejected_reason: "INVALID_FORMAT",
      id,
    });
    expect(emulator.templates.list()[0]).toMatchObject({ status: "REJECTED", rejectedReason: "INVALID_FORMAT" });
    expect((await send(emulator, plainMessage("welcome_back"))).body.error?.code).toBe(graphErrorCodes.templateMissing);
  });

  it("a template that breaks a creation rule is refused at once: 400, code 100, naming the field", async () => {
    const { emulator } = await setup();
    const badName = await create(emulator, plain("Summer Sale"));
    expect([badName.status, badName.body.error?.code]).toEqual([400, graphErrorCodes.invalidParameter]);
    expect(badName.body.error?.error_data?.details).toMatch(/name/);
    const long = await create(emulator, { ...plain("long_body"), components: [{ type: "BODY", text: "x".repeat(1025) }] });
    expect([long.status, long.body.error?.code]).toEqual([400, graphErrorCodes.invalidParameter]);
    expect(long.body.error?.error_data?.details).toMatch(/1025/);
    expect(emulator.templates.list()).toEqual([]);
  });

  it("a name already used in that language is 100 / 2388024; another language of the same name is a new template", async () => {
    const { emulator } = await setup();
    idOf(await create(emulator, plain("appointment")));
    const again = await create(emulator, plain("appointment"));
    expect([again.status, again.body.error?.code, again.body.error?.error_subcode, again.body.error?.message]).toEqual([
      400,
      100,
      2388024,
      "(#100) Content in This Language Already Exists",
    ]);
    idOf(await create(emulator, plain("appointment", "es")));
    expect(() => emulator.templates.status("appointment")).toThrow("appointment exists in en_US, es; say which language");
    expect(emulator.templates.status("appointment", "es")).toBe("PENDING");
  });

  it("the review also ends in real time: a short delay approves without the clock being advanced", async () => {
    const { emulator, hook } = await setup({ templateReviewDelay: 20 });
    idOf(await create(emulator, plain("quick_review")));
    // Bounded: 500 polls of 20 ms are far past the delay, even on a loaded host.
    for (let i = 0; i < 500 && emulator.templates.status("quick_review") === "PENDING"; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(emulator.templates.status("quick_review")).toBe("APPROVED");
    await emulator.webhooks.idle();
    expect(hook.changes.map((change) => change.value.event)).toEqual(["APPROVED"]);
  });
});

describe("editing: what may change, and how often", () => {
  it("an approved template is edited once in 24 hours, back to PENDING, with a components webhook; never to another category", async () => {
    const { emulator, hook } = await setup();
    const id = idOf(await create(emulator, summerSale));
    emulator.clock.advance("1m");
    const components = [{ type: "BODY", text: "Hi {{1}}, the sale is extended!", example: { body_text: [["Ana"]] } }];
    const category = await call(emulator, "POST", `/v23.0/${id}`, { category: "UTILITY" });
    expect([category.status, category.body.error?.error_data?.details]).toEqual([
      400,
      "the category of an APPROVED template cannot be changed (it is MARKETING, got UTILITY)",
    ]);
    expect(await call(emulator, "POST", `/v23.0/${id}`, { components, category: "marketing" })).toEqual({
      status: 200,
      body: { success: true },
    });
    expect(emulator.templates.status("summer_sale")).toBe("PENDING");
    const pending = await call(emulator, "POST", `/v23.0/${id}`, { components });
    expect(pending.body.error?.error_data?.details).toBe(
      "only APPROVED, REJECTED or PAUSED templates can be edited; summer_sale is PENDING",
    );
    emulator.clock.advance("1m");
    expect(emulator.templates.status("summer_sale")).toBe("APPROVED");
    const soon = await call(emulator, "POST", `/v23.0/${id}`, { components });
    expect(soon.body.error?.error_data?.details).toMatch(/^an APPROVED template can be edited once in 24 hours; it was edited at /);
    emulator.clock.advance("24h");
    expect((await call(emulator, "POST", `/v23.0/${id}`, { components, message_send_ttl_seconds: 86_400 })).status).toBe(200);
    await emulator.webhooks.idle();
    expect(hook.changes.map((change) => change.field)).toEqual([
      "message_template_status_update",
      "message_template_components_update",
      "message_template_status_update",
      "message_template_components_update",
    ]);
    expect(hook.changes[1]?.value).toEqual({
      message_template_id: Number(id),
      message_template_name: "summer_sale",
      message_template_language: "en_US",
      message_template_element: "Hi {{1}}, the sale is extended!",
    });
    expect((await call(emulator, "GET", `/v23.0/${id}?fields=components,message_send_ttl_seconds`)).body).toEqual({
      components,
      message_send_ttl_seconds: 86_400,
      id,
    });
  });

  it("an approved template is edited at most 10 times in 30 days on the emulator's clock", async () => {
    const { emulator } = await setup();
    const id = idOf(await create(emulator, plain("reminder")));
    emulator.clock.advance("1m");
    for (let edit = 1; edit <= 10; edit++) {
      const text = `Your appointment is confirmed (${edit}). See you soon.`;
      expect((await call(emulator, "POST", `/v23.0/${id}`, { components: [{ type: "BODY", text }] })).status).toBe(200);
      emulator.clock.advance("24h");
      expect(emulator.templates.status("reminder")).toBe("APPROVED");
    }
    const eleventh = await call(emulator, "POST", `/v23.0/${id}`, { components: [{ type: "BODY", text: "Eleventh. See you." }] });
    expect(eleventh.body.error?.error_data?.details).toMatch(/^an APPROVED template can be edited 10 times in 30 days; next from /);
    emulator.clock.advance("20d"); // the first edits fall out of the 30 days
    expect((await call(emulator, "POST", `/v23.0/${id}`, { components: [{ type: "BODY", text: "Later. See you." }] })).status).toBe(200);
  });

  it("a rejected template may be edited at once and again; the fixed fields and unknown ones are refused", async () => {
    const { emulator } = await setup();
    const broken = [{ type: "BODY", text: "Hello {{1}}{{2}} there.", example: { body_text: [["a", "b"]] } }];
    const id = idOf(await create(emulator, { ...plain("greeting"), components: broken }));
    emulator.clock.advance("1m");
    expect(emulator.templates.status("greeting")).toBe("REJECTED");
    expect((await call(emulator, "POST", `/v23.0/${id}`, { components: broken })).status).toBe(200);
    emulator.clock.advance("1m");
    expect(emulator.templates.status("greeting")).toBe("REJECTED");
    const fixed = [{ type: "BODY", text: "Hello {{1}}, welcome.", example: { body_text: [["Ana"]] } }];
    expect((await call(emulator, "POST", `/v23.0/${id}`, { components: fixed, category: "MARKETING", name: "greeting" })).status).toBe(200);
    emulator.clock.advance("1m");
    expect(emulator.templates.list()[0]).toMatchObject({ status: "APPROVED", category: "MARKETING", rejectedReason: "NONE" });
    const rename = await call(emulator, "POST", `/v23.0/${id}`, { name: "other" });
    expect(rename.body.error?.error_data?.details).toBe("name cannot be edited (it is greeting); create a new template instead");
    const extra = await call(emulator, "POST", `/v23.0/${id}`, { components: fixed, sub_category: "ORDER_STATUS" });
    expect(extra.body.error?.error_data?.details).toBe(
      '"sub_category" cannot be edited; an edit changes category, components or message_send_ttl_seconds',
    );
    expect((await call(emulator, "POST", `/v23.0/${id}`, {})).body.error?.error_data?.details).toBe(
      "an edit changes category, components or message_send_ttl_seconds; the body has none of them",
    );
  });
});

describe("deleting, archiving, unpausing", () => {
  it("delete by name (every language), by hsm_id and name, by hsm_ids (all or none)", async () => {
    const { emulator } = await setup();
    const [en, es, other, third] = [
      idOf(await create(emulator, plain("notice"))),
      idOf(await create(emulator, plain("notice", "es"))),
      idOf(await create(emulator, plain("other"))),
      idOf(await create(emulator, plain("third"))),
    ];
    const names = () => emulator.templates.list().map((t) => `${t.name}:${t.language}`);
    const none = await call(emulator, "DELETE", templatesPath);
    expect(none.body.error?.error_data?.details).toBe(
      "give name (every language), hsm_id with name (one template), or hsm_ids ([…], up to 100)",
    );
    const mixed = await call(emulator, "DELETE", `${templatesPath}?hsm_ids=[${en}]&name=notice`);
    expect(mixed.body.error?.error_data?.details).toBe("hsm_ids cannot be combined with name or hsm_id");
    const mismatch = await call(emulator, "DELETE", `${templatesPath}?hsm_id=${other}&name=notice`);
    expect(mismatch.body.error?.error_data?.details).toBe(`template ${other} is named other, not notice`);
    const forged = await call(emulator, "DELETE", `${templatesPath}?hsm_ids=[${third},"1999999999999999"]`);
    expect([forged.status, forged.body.error?.code, forged.body.error?.error_subcode]).toEqual([400, 100, 33]);
    expect(names()).toEqual(["notice:en_US", "notice:es", "other:en_US", "third:en_US"]);
    expect(await call(emulator, "DELETE", `${templatesPath}?hsm_id=${es}&name=notice`)).toEqual({ status: 200, body: { success: true } });
    expect(names()).toEqual(["notice:en_US", "other:en_US", "third:en_US"]);
    expect((await call(emulator, "DELETE", `${templatesPath}?name=notice`)).body).toEqual({ success: true });
    expect((await call(emulator, "DELETE", `${templatesPath}?hsm_ids=${other},${third}`)).body).toEqual({ success: true });
    expect(names()).toEqual([]);
    expect((await call(emulator, "DELETE", `${templatesPath}?name=notice`)).body.error?.error_data?.details).toBe(
      "no template named notice",
    );
    const many = Array.from({ length: 101 }, (_, i) => String(1_000_000 + i)).join(",");
    expect((await call(emulator, "DELETE", `${templatesPath}?hsm_ids=${many}`)).body.error?.error_data?.details).toBe(
      "hsm_ids holds 1 to 100 template ids, got 101 ids",
    );
    expect((await call(emulator, "DELETE", `${templatesPath}?hsm_ids=[{"a":1}]`)).body.error?.error_data?.details).toBe(
      "hsm_ids[0] is a template id (digits), got object",
    );
    expect((await call(emulator, "GET", `/v23.0/${en}`)).body.error?.code).toBe(100);
  });

  it("the name of a deleted APPROVED template is blocked for 30 days; a DISABLED template cannot be deleted", async () => {
    const { emulator } = await setup();
    idOf(await create(emulator, plain("promo")));
    emulator.clock.advance("1m");
    expect((await call(emulator, "DELETE", `${templatesPath}?name=promo`)).status).toBe(200);
    const reused = await create(emulator, plain("promo"));
    expect([reused.body.error?.code, reused.body.error?.error_subcode]).toEqual([100, 2388023]);
    emulator.clock.advance("30d");
    idOf(await create(emulator, plain("promo")));
    emulator.clock.advance("1m");
    emulator.templates.disable("promo");
    const disabled = await call(emulator, "DELETE", `${templatesPath}?name=promo`);
    expect(disabled.body.error?.error_data?.details).toMatch(/is DISABLED and cannot be deleted$/);
  });

  it("archive takes APPROVED and REJECTED templates, and names why each other failed; unarchive restores the status", async () => {
    const { emulator, hook } = await setup();
    const approved = idOf(await create(emulator, plain("kept")));
    emulator.clock.advance("1m");
    const pending = idOf(await create(emulator, plain("fresh")));
    const archive = await call(emulator, "POST", `${templatesPath}/archive`, { hsm_ids: [approved, pending, "1999999999999999"] });
    expect(archive).toEqual({
      status: 200,
      body: {
        archived_templates: [approved],
        failed_templates: {
          [pending]: "Only approved or rejected templates can be archived",
          "1999999999999999": "Template does not exist",
        },
      },
    });
    expect(emulator.templates.status("kept")).toBe("ARCHIVED");
    expect((await send(emulator, plainMessage("kept"))).body.error?.error_data?.details).toBe(
      "template kept (en_US) is ARCHIVED, not APPROVED",
    );
    const unarchive = await call(emulator, "POST", `${templatesPath}/unarchive`, { hsm_ids: `${approved},${pending}` });
    expect(unarchive.body).toEqual({ unarchived_templates: [approved], failed_templates: { [pending]: "Template is not archived" } });
    expect(emulator.templates.status("kept")).toBe("APPROVED");
    expect((await send(emulator, plainMessage("kept"))).status).toBe(200);
    await emulator.webhooks.idle();
    expect(hook.changes.map((change) => change.value.event)).toEqual(["APPROVED", "ARCHIVED", "UNARCHIVED"]);
    expect((await call(emulator, "POST", `${templatesPath}/archive`, { ids: [approved] })).body.error?.error_data?.details).toBe(
      'the body is { "hsm_ids": ["<template id>", …] } (up to 100), got object',
    );
  });
});

describe("pauses and quality: PAUSED, DISABLED and the send-time codes", () => {
  it("the pause ladder: 3 h, 6 h (or POST /unpause), then DISABLED, each with its webhook; sends fail 132015, then 132016", async () => {
    const { emulator, hook } = await setup();
    const id = idOf(await create(emulator, plain("weekly_digest")));
    emulator.clock.advance("1m");
    expect(emulator.templates.pause("weekly_digest")).toMatchObject({ status: "PAUSED", quality: "RED", pauses: 1 });
    const paused = await send(emulator, plainMessage("weekly_digest"));
    expect([paused.status, paused.body.error?.code, paused.body.error?.message]).toEqual([400, 132015, "(#132015) Template is Paused"]);
    expect(classifyGraphError({ code: paused.body.error?.code }, paused.status)).toEqual({ category: "template", action: "do_not_retry" });
    emulator.clock.advance("179m");
    expect(emulator.templates.status("weekly_digest")).toBe("PAUSED");
    emulator.clock.advance("1m");
    expect(emulator.templates.status("weekly_digest")).toBe("APPROVED");
    expect((await send(emulator, plainMessage("weekly_digest"))).status).toBe(200);

    expect(emulator.templates.pause("weekly_digest")).toMatchObject({ status: "PAUSED", pauses: 2 });
    emulator.clock.advance("5h");
    expect(emulator.templates.status("weekly_digest")).toBe("PAUSED");
    expect(await call(emulator, "POST", `/v23.0/${id}/unpause`)).toEqual({ status: 200, body: { success: true } });
    expect((await call(emulator, "POST", `/v23.0/${id}/unpause`)).body).toEqual({
      success: false,
      reason: "Template is APPROVED, not paused",
    });

    expect(emulator.templates.pause("weekly_digest")).toMatchObject({ status: "DISABLED", pauses: 3 });
    const disabled = await send(emulator, plainMessage("weekly_digest"));
    expect([disabled.body.error?.code, disabled.body.error?.message]).toEqual([132016, "(#132016) Template is Disabled"]);
    expect(() => emulator.templates.pause("weekly_digest")).toThrow(
      "templates.pause: only an APPROVED template is paused for low quality; weekly_digest is DISABLED",
    );
    const edit = await call(emulator, "POST", `/v23.0/${id}`, { components: plain("x").components });
    expect(edit.body.error?.error_data?.details).toBe(
      "only APPROVED, REJECTED or PAUSED templates can be edited; weekly_digest is DISABLED",
    );

    await emulator.webhooks.idle();
    expect(hook.badSignatures).toBe(0);
    const summary = templateChanges(hook).map(({ field, value }) =>
      field === "message_template_quality_update"
        ? `quality ${String(value.previous_quality_score)}→${String(value.new_quality_score)}`
        : `${String(value.event)}${value.other_info ? ` ${String((value.other_info as { title: string }).title)}` : ""}`,
    );
    expect(summary).toEqual([
      "APPROVED",
      "quality UNKNOWN→RED",
      "PAUSED FIRST_PAUSE",
      "APPROVED UNPAUSE",
      "PAUSED SECOND_PAUSE",
      "APPROVED UNPAUSE",
      "DISABLED DISABLED",
    ]);
    const first = templateChanges(hook)[2]?.value;
    expect(first).toEqual({
      event: "PAUSED",
      message_template_id: Number(id),
      message_template_name: "weekly_digest",
      message_template_language: "en_US",
      reason: null,
      message_template_category: "UTILITY",
      other_info: { title: "FIRST_PAUSE", description: expect.stringMatching(/paused for 3 hours until/) },
    });
    expect(templateChanges(hook).at(-1)?.value).toMatchObject({ event: "DISABLED", disable_info: { disable_date: expect.any(Number) } });
  });

  it("quality changes send message_template_quality_update; RED pauses an approved template", async () => {
    const { emulator, hook } = await setup();
    const id = idOf(await create(emulator, plain("rating")));
    emulator.clock.advance("1m");
    expect(emulator.templates.quality("rating", "YELLOW")).toMatchObject({ status: "APPROVED", quality: "YELLOW" });
    expect(emulator.templates.quality("rating", "RED")).toMatchObject({ status: "PAUSED", quality: "RED" });
    expect(() => emulator.templates.quality("rating", "PURPLE" as "RED")).toThrow(
      'templates.quality: score is GREEN, YELLOW, RED or UNKNOWN, got "PURPLE"',
    );
    await emulator.webhooks.idle();
    expect(hook.changes[1]).toEqual({
      field: "message_template_quality_update",
      entryId: wabaId,
      time: expect.any(Number),
      value: {
        previous_quality_score: "UNKNOWN",
        new_quality_score: "YELLOW",
        message_template_id: Number(id),
        message_template_name: "rating",
        message_template_language: "en_US",
      },
    });
    expect(hook.changes.map((change) => change.value.event ?? change.value.new_quality_score)).toEqual([
      "APPROVED",
      "YELLOW",
      "RED",
      "PAUSED",
    ]);
    expect((await call(emulator, "GET", `/v23.0/${id}?fields=quality_score`)).body).toEqual({
      quality_score: { score: "RED", date: expect.any(Number) },
      id,
    });
  });

  it("without a webhook, templates are reviewed and paused all the same", async () => {
    const emulator = await startReleased(open);
    idOf(await create(emulator, plain("silent")));
    emulator.clock.advance("1m");
    expect(emulator.templates.pause("silent").status).toBe("PAUSED");
    emulator.clock.advance("3h");
    expect(emulator.templates.status("silent")).toBe("APPROVED");
  });
});

describe("which template sends are held to the templates", () => {
  it("none given and none created: any template is accepted; once one is created, sends are held until reset()", async () => {
    const { emulator } = await setup();
    expect((await send(emulator, plainMessage("anything"))).status).toBe(200);
    idOf(await create(emulator, plain("first_one")));
    const unknown = await send(emulator, plainMessage("anything"));
    expect([unknown.body.error?.code, unknown.body.error?.error_data?.details]).toEqual([
      132001,
      "template name (anything) does not exist",
    ]);
    // Deleting every template does not open the door again.
    expect((await call(emulator, "DELETE", `${templatesPath}?name=first_one`)).status).toBe(200);
    expect((await send(emulator, plainMessage("anything"))).body.error?.code).toBe(132001);
    emulator.reset();
    expect(emulator.templates.list()).toEqual([]);
    expect((await send(emulator, plainMessage("anything"))).status).toBe(200);
  });

  it("given templates keep their status (none: APPROVED), and reset() brings them back", async () => {
    const { emulator } = await setup({
      templates: [
        { name: "given_ok", language: "en_US", components: [{ type: "BODY", text: "Hello there, friend." }] },
        { name: "given_pending", language: "en_US", status: "PENDING", components: [{ type: "BODY", text: "Hello." }] },
      ],
    });
    expect((await send(emulator, plainMessage("given_ok"))).status).toBe(200);
    expect((await send(emulator, plainMessage("given_pending"))).body.error?.error_data?.details).toBe(
      "template given_pending (en_US) is PENDING, not APPROVED",
    );
    emulator.clock.advance("1d"); // a given PENDING template is not reviewed: it is a snapshot of your account
    expect(emulator.templates.status("given_pending")).toBe("PENDING");
    emulator.templates.pause("given_ok");
    expect((await call(emulator, "DELETE", `${templatesPath}?name=given_pending`)).status).toBe(200);
    emulator.reset();
    expect(emulator.templates.list().map((t) => [t.name, t.status])).toEqual([
      ["given_ok", "APPROVED"],
      ["given_pending", "PENDING"],
    ]);
  });
});
