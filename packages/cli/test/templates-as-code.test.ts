import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { msg, templateCreateBody } from "@wacompose/builder";
import { type Emulator, startEmulator } from "@wacompose/emulator";
import { createClient, GraphApiError } from "@wacompose/transport-fetch";
import { createTemplateManager } from "@wacompose/transport-fetch/templates";
import { findTemplate, nodeWebhookHandler, trackTemplates, type WebhookEvent } from "@wacompose/webhooks";
import { localTemplates } from "../src/templates-sync.js";
import { templates } from "./fixtures/templates-as-code.js";

// Templates as code, end to end against the emulator (issue 32): the definitions in fixtures/templates-as-code.ts are
// pushed with the command, reviewed on the emulator's clock, approved by typed webhooks and sent typed; a template
// that breaks a review rule is rejected with its reason; a paused one fails its send with 132015; diff after push is
// empty, and pull gives the definitions back.

const bin = join(__dirname, "../dist/bin.js");
const definitions = join(__dirname, "fixtures/templates-as-code.ts");
const appSecret = "templates-as-code-secret";
const wabaId = "102290129340398";
const token = "test-token";
const user = "16505551234";

let emulator: Emulator;
let receiver: Server;
const events: WebhookEvent[] = [];

beforeAll(async () => {
  receiver = createServer(nodeWebhookHandler({ appSecret, onEvents: (batch: readonly WebhookEvent[]) => void events.push(...batch) }));
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhook`;
  emulator = await startEmulator({ webhook: { url: webhookUrl, appSecret, wabaId, window: false }, templateReviewDelay: "10m" });
});
afterAll(async () => {
  await emulator?.close();
  await new Promise<void>((resolve) => {
    receiver.close(() => resolve());
    receiver.closeAllConnections();
  });
});

const wacompose = (...args: string[]) =>
  promisify(execFile)(process.execPath, [bin, ...args, "--waba", wabaId, "--base-url", emulator.url], {
    encoding: "utf8",
    env: { ...process.env, WHATSAPP_ACCESS_TOKEN: token },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
const state = (name: string) => findTemplate(trackTemplates(events), name, "en_US");
const client = () => createClient({ phoneNumberId: "106540352242922", accessToken: token, baseUrl: emulator.url, retry: false });
const send = msg.with(templates).to(user);

describe("templates as code against the emulator", () => {
  it("push creates the three definitions, PENDING; nothing is left to diff", async () => {
    const pushed = await wacompose("templates", "push", definitions);
    expect(pushed.stderr).toBe("");
    expect(pushed.stdout).toContain("✓ spring_sale (en_US) created: PENDING");
    expect(pushed.stdout).toContain("✓ order_confirmation (en_US) created: PENDING");
    expect(pushed.stdout).toContain("✓ login_code (en_US) created: PENDING");
    expect(pushed.code).toBe(0);
    const diff = await wacompose("templates", "diff", definitions);
    expect(diff.stdout).toBe("= 3 templates defined, nothing to push\n");
    expect(diff.code).toBe(0);
  }, 60_000);

  it("the review ends on the emulator's clock: typed APPROVED webhooks, then typed sends go through", async () => {
    emulator.clock.advance("11m");
    await emulator.webhooks.idle();
    for (const name of ["spring_sale", "order_confirmation", "login_code"]) expect(state(name)?.status).toBe("APPROVED");
    const wa = client();
    await expect(wa.send(send.template("spring_sale", { body: ["Ana"], buttons: { 0: "spring" } }))).resolves.toMatchObject({
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    await expect(
      wa.send(send.template("order_confirmation", { body: { first_name: "Pablo", order_number: "860198" } })),
    ).resolves.toBeDefined();
    await expect(wa.send(send.template("login_code", { code: "123456" }))).resolves.toBeDefined();
  }, 60_000);

  it("a template that breaks a review rule is REJECTED with its reason", async () => {
    const manager = createTemplateManager({ accessToken: token, businessAccountId: wabaId, baseUrl: emulator.url });
    const created = await manager.create({
      name: "adjacent_variables",
      language: "en_US",
      category: "UTILITY",
      components: [{ type: "BODY", text: "Hi {{1}}{{2}}, thanks!", example: { body_text: [["Ana", "Bo"]] } }],
    });
    expect(created.status).toBe("PENDING");
    emulator.clock.advance("11m");
    await emulator.webhooks.idle();
    const rejected = state("adjacent_variables");
    expect(rejected?.status).toBe("REJECTED");
    expect(rejected?.reason).toBe("INVALID_FORMAT");
    expect(rejected?.rejection_info?.reason).toMatch(/next to each other/);
    await manager.delete({ name: "adjacent_variables" });
  }, 60_000);

  it("a paused template fails its send with 132015 (template, do not retry), and the webhooks say PAUSED", async () => {
    emulator.templates.pause("spring_sale");
    await emulator.webhooks.idle();
    expect(state("spring_sale")?.status).toBe("PAUSED");
    const failed = await client()
      .send(send.template("spring_sale", { body: ["Ana"], buttons: { 0: "spring" } }))
      .catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(GraphApiError);
    expect(failed).toMatchObject({ code: 132015, category: "template", action: "do_not_retry" });
  }, 60_000);

  it("pull writes the account's templates back as the same definitions", async () => {
    const pulled = await wacompose("templates", "pull");
    expect(pulled.code).toBe(0);
    expect(pulled.stderr).toBe("");
    const json = /defineTemplates\(([\s\S]*)\);\s*$/.exec(pulled.stdout)?.[1];
    expect(json).toBeDefined();
    const bodies = (definitions: unknown) => localTemplates(definitions).templates.map(({ body }) => body);
    const byName = (list: { readonly name: string }[]) => list.sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(byName(bodies(JSON.parse(json as string)))).toEqual(
      byName(Object.entries(templates).map(([name, definition]) => templateCreateBody(name, definition))),
    );
  }, 60_000);

  it("pull --status that matches no template says so on stderr, with the statuses the account has", async () => {
    const typo = await wacompose("templates", "pull", "--status", "APROVED");
    expect(typo.code).toBe(0);
    expect(typo.stdout).toContain("defineTemplates({});");
    expect(typo.stderr).toMatch(
      /^templates pull: no template has status APROVED \(the \d+ read have: [A-Z_, ]+\); --status any keeps every one\n$/,
    );
  }, 60_000);
});
