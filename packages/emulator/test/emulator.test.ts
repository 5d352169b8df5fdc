import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { type Emulator, startEmulator } from "../src/index.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ accessToken: "secret-token", seed: 1 });
});
afterAll(() => emulator.close());

const post = (body: unknown, token = "secret-token", path = "/v23.0/106540352242922/messages") =>
  fetch(`${emulator.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("emulator", () => {
  it("listens on loopback and accepts a valid message like the API", async () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await post(msg.to("+1 (650) 555-1234").text("hi").build());
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { contacts: unknown; messages: { id: string; message_status: string }[] };
    expect(answer.contacts).toEqual([{ input: "+1 (650) 555-1234", wa_id: "16505551234" }]);
    expect(answer.messages[0]?.id).toMatch(/^wamid\.HBgL[A-Za-z0-9+/=]+$/);
    expect(answer.messages[0]?.message_status).toBe("accepted");
  });

  it("answers mark-as-read with success", async () => {
    const response = await post(msg.markRead("wamid.1").typing().build());
    expect(await response.json()).toEqual({ success: true });
  });

  it("rejects a wrong or missing token with 401 and code 190", async () => {
    const response = await post(msg.to("16505551234").text("hi").build(), "wrong");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 190, type: "OAuthException" } });
  });

  it("validates with the builder's rules and names the issue paths", async () => {
    const response = await post({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "x".repeat(4097) } });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { code: number; message: string; error_data: { details: string }; fbtrace_id: string };
    };
    expect(error.code).toBe(131009);
    expect(error.message).toBe("(#131009) Parameter value is not valid");
    expect(error.error_data.details).toBe("text.body: at most 4096 characters, got 4097");
    expect(error.fbtrace_id.length).toBeGreaterThan(8);
    const missing = await post({ messaging_product: "whatsapp", type: "text", text: { body: "hi" } });
    expect(await missing.json()).toMatchObject({
      error: { code: 131008, error_data: { details: "to: is required (or recipient, a business-scoped user id)" } },
    });
    const notJson = await post("{nope");
    expect(await notJson.json()).toMatchObject({ error: { code: 100, error_data: { details: "the request body is not valid JSON" } } });
  });

  it("answers a business-scoped user id with user_id and a group with its id, as the API does", async () => {
    const user = await post(msg.toUser("US.13491208655302741918").text("Hi").build());
    expect(((await user.json()) as { contacts: unknown }).contacts).toEqual([
      { input: "US.13491208655302741918", user_id: "US.13491208655302741918" },
    ]);
    const both = await post(msg.toUser("US.13491208655302741918", { phone: "+1 650 555 1234" }).text("Hi").build());
    expect(((await both.json()) as { contacts: unknown }).contacts).toEqual([{ input: "+1 650 555 1234", wa_id: "16505551234" }]);
    const group = await post(msg.toGroup("Y2FwaV9ncm91cDox").text("Hi all").build());
    expect(((await group.json()) as { contacts: unknown }).contacts).toEqual([{ input: "Y2FwaV9ncm91cDox" }]);
    const interactive = await post({
      ...msg.toGroup("Y2FwaV9ncm91cDox").text("x").build(),
      type: "interactive",
      text: undefined,
      interactive: msg.to("16505551234").requestContactInfo("Number?").build().interactive,
    });
    expect(interactive.status).toBe(400);
    const inbox = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(inbox).toContain("group Y2FwaV9ncm91cDox");
  });

  it("accepts a body with warnings alone, as the API does, and keeps the warnings for the inbox", async () => {
    // A number for `to` and an upper-case type: recorded live as accepted (cloud-api.md §15).
    const body = {
      messaging_product: "whatsapp",
      to: 16505551234,
      type: "interactive",
      interactive: { type: "BUTTON", body: { text: "Pick" }, action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] } },
    };
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { contacts: unknown }).contacts).toEqual([{ input: "16505551234", wa_id: "16505551234" }]);
    const last = emulator.received[emulator.received.length - 1];
    expect(last?.warnings).toEqual([
      'to: the documented form is a string ("16505551234"); a number is accepted',
      'interactive.type: the documented form is "button", got "BUTTON"',
    ]);
    const inbox = await (await fetch(`${emulator.url}/__inbox`)).text();
    expect(inbox).toContain("⚠ to: the documented form is a string");
  });

  it("records what it received, without the token, also over GET /__received", async () => {
    const before = emulator.received.length;
    await post(msg.to("16505551234").text("recorded").build());
    const last = emulator.received[emulator.received.length - 1];
    expect(emulator.received.length).toBe(before + 1);
    expect(last).toMatchObject({
      phoneNumberId: "106540352242922",
      status: 200,
      outcome: "accepted",
      body: { text: { body: "recorded" } },
    });
    const listed = (await (await fetch(`${emulator.url}/__received`)).json()) as unknown[];
    expect(listed).toHaveLength(emulator.received.length);
    expect(JSON.stringify(listed)).not.toContain("secret-token");
  });

  it("answers unknown paths with 404", async () => {
    const response = await post({}, "secret-token", "/v23.0/106540352242922/contacts");
    expect(response.status).toBe(404);
  });

  it("throttles above the configured throughput with 130429", async () => {
    const limited = await startEmulator({ throughput: 2 });
    try {
      const send = () =>
        fetch(`${limited.url}/v23.0/1/messages`, {
          method: "POST",
          headers: { Authorization: "Bearer test-token", "Content-Type": "application/json" },
          body: JSON.stringify(msg.to("16505551234").text("hi").build()),
        });
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await send()).status);
      expect(statuses).toEqual([200, 200, 429]);
      expect(limited.received.map((r) => r.outcome)).toEqual(["accepted", "accepted", "throttled"]);
    } finally {
      await limited.close();
    }
  });
});
