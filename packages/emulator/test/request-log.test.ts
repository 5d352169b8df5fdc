import { describe, expect, it } from "@jest/globals";
import { msg } from "@wacompose/builder";
import { refusedLine, requestLine } from "../src/command.js";
import type { Emulator, RefusedRequest } from "../src/index.js";
import { logText } from "../src/log-text.js";
import { commandLines } from "./support/command-lines.js";
import { releasedAfterEach, startReleased } from "./support/released.js";

// What `wacompose emulator` prints for each request: docs/testing-from-any-language.md promises one line per request.
const open = releasedAfterEach();
const path = "/v23.0/106540352242922/messages";
const text = JSON.stringify(msg.to("16505551234").text("hi").build());
/** What a user might paste by mistake: a real-looking token that must never be printed or answered back. */
const pasted = "EAAGm0PX4ZCpsBAsecretPASTEDtoken123";

const post = (url: string, body: string, headers: Record<string, string>) =>
  fetch(`${url}${path}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body });

describe("emulator: a request refused for its token", () => {
  it("gets a line of its own, saying why, never the token sent; received stays empty", async () => {
    let answers: { status: number; details: string }[] = [];
    const { code, lines } = await commandLines(["--port", "0", "--token", "my-token"], async (url) => {
      const responses = [
        await post(url, text, {}),
        await post(url, text, { Authorization: `Bearer ${pasted}` }),
        await post(url, text, { Authorization: `Basic ${pasted}` }),
        await fetch(`${url}/v23.0/102290129340398/message_templates`, { headers: { Authorization: `Bearer ${pasted}` } }),
        await fetch(`${url}/v23.0/106540352242922/media`, { method: "POST", headers: { Authorization: `Bearer ${pasted}` } }),
      ];
      answers = await Promise.all(
        responses.map(async (response) => ({
          status: response.status,
          details: ((await response.json()) as { error: { error_data: { details: string } } }).error.error_data.details,
        })),
      );
      expect(((await (await fetch(`${url}/__received`)).json()) as unknown[]).length).toBe(0);
    });
    expect(code).toBe(0);
    const hint = ' (send "Authorization: Bearer <token>" with the --token it was started with; default test-token)';
    expect(lines.filter((line) => line.startsWith("→"))).toEqual([
      `→ POST ${path} 401 refused: no Authorization header${hint}`,
      `→ POST ${path} 401 refused: a Bearer token that is not this emulator's (not shown)${hint}`,
      `→ POST ${path} 401 refused: an Authorization header that is not "Bearer <token>" (not shown)${hint}`,
      `→ GET /v23.0/102290129340398/message_templates 401 refused: a Bearer token that is not this emulator's (not shown)${hint}`,
      `→ POST /v23.0/106540352242922/media 401 refused: a Bearer token that is not this emulator's (not shown)${hint}`,
    ]);
    expect(answers.map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    for (const { details } of answers) {
      expect(details).toMatch(
        /^the emulator expects the header "Authorization: Bearer <token>" with the token it was started with \(--token, or startEmulator's accessToken; default test-token\); this request had /,
      );
      expect(details).not.toContain(pasted);
      expect(details).not.toContain("my-token"); // nor a token it was given: a 401 names only the public default
    }
    expect(lines.join("\n")).not.toContain(pasted);
  });

  it("says when the emulator runs with the default token", async () => {
    const emulator = await startReleased(open);
    const response = await post(emulator.url, text, { Authorization: "Bearer wrong" });
    const { error } = (await response.json()) as { error: { code: number; error_data: { details: string } } };
    expect(error.code).toBe(190);
    expect(error.error_data.details).toBe(
      `the emulator expects the header "Authorization: Bearer <token>" with the token it was started with (--token, or startEmulator's accessToken; default test-token, which this one uses); this request had a Bearer token that is not this emulator's (not shown)`,
    );
  });

  it("--json: a request event with outcome refused", async () => {
    const { lines } = await commandLines(["--port", "0", "--json"], async (url) => {
      await post(url, text, { Authorization: `Bearer ${pasted}` });
    });
    const event = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.event === "request");
    expect(event).toEqual({
      event: "request",
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      method: "POST",
      path,
      status: 401,
      outcome: "refused",
      error: "a Bearer token that is not this emulator's (not shown)",
    });
    expect(lines.join("\n")).not.toContain(pasted);
  });

  it("in process: onRefused hears each refusal at the door (token, Host, Content-Type, size); onRequest does not", async () => {
    const refused: RefusedRequest[] = [];
    const recorded: unknown[] = [];
    const emulator: Emulator = await startReleased(open, {
      accessToken: "secret-token",
      onRefused: (request) => refused.push(request),
      onRequest: (request) => recorded.push(request),
    });
    const right = { Authorization: "Bearer secret-token" };
    expect((await post(emulator.url, text, { Authorization: "Bearer nope" })).status).toBe(401);
    expect((await post(emulator.url, text, { ...right, "Content-Type": "text/plain" })).status).toBe(415);
    expect((await post(emulator.url, JSON.stringify({ padding: "x".repeat(2 << 20) }), right)).status).toBe(413);
    expect(refused.map(({ method, path, status, reason }) => [method, path, status, reason])).toEqual([
      ["POST", path, 401, "a Bearer token that is not this emulator's (not shown)"],
      ["POST", path, 415, 'Content-Type must be application/json, got "text/plain"'],
      ["POST", path, 413, "request body over 1048576 bytes"],
    ]);
    expect(recorded).toEqual([]);
    expect(emulator.received).toEqual([]);
  });
});

describe("emulator: a 400's line carries the error's details, bounded", () => {
  it("names the path and the rule", async () => {
    const long = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "x".repeat(4097) } });
    const { lines } = await commandLines(["--port", "0"], async (url) => {
      expect((await post(url, long, { Authorization: "Bearer test-token" })).status).toBe(400);
      expect((await post(url, "{nope", { Authorization: "Bearer test-token" })).status).toBe(400);
    });
    expect(lines.filter((line) => line.startsWith("→"))).toEqual([
      `→ POST ${path} 400 rejected (#131009) Parameter value is not valid: text.body: at most 4096 characters, got 4097`,
      `→ POST ${path} 400 rejected (#100) Invalid parameter: the request body is not valid JSON`,
    ]);
  });

  it("a huge bad body makes a short line (and a bounded --json line); the answer keeps every detail", async () => {
    // An unknown key of 500,000 characters: its issue's path is as long, and so is the answer's details.
    const huge = `{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"hi","${"k".repeat(500_000)}":1}}`;
    for (const json of [false, true]) {
      let answerDetails = "";
      const { lines } = await commandLines(["--port", "0", ...(json ? ["--json"] : [])], async (url) => {
        const response = await post(url, huge, { Authorization: "Bearer test-token" });
        expect(response.status).toBe(400);
        answerDetails = ((await response.json()) as { error: { error_data: { details: string } } }).error.error_data.details;
      });
      expect(answerDetails.length).toBeGreaterThan(500_000);
      const line = lines.find((each) => (json ? each.includes('"event":"request"') : each.startsWith("→"))) ?? "";
      if (json) {
        expect(line.length).toBeLessThan(5_000);
        const event = JSON.parse(line) as Record<string, unknown>;
        expect(event).toMatchObject({ status: 400, outcome: "rejected", error: "(#100) Invalid parameter" });
        expect(event.details).toMatch(/^text\.kkkk.*… \(496\d{3} more characters\)$/);
        expect(event.body).toBeUndefined();
        expect(event.bodyOmitted).toMatch(/^500\d{3} characters of JSON, over 65536: GET \/__received has it$/);
      } else {
        expect(line.length).toBeLessThan(500);
        expect(line).toMatch(/^→ POST \S+ 400 rejected \(#100\) Invalid parameter: text\.kkkk+… \(499\d{3} more characters\)$/);
      }
    }
  });

  it("a value in the body cannot forge a line of its own, nor send terminal codes", async () => {
    const forged = "\n→ POST /v23.0/1/messages 200 accepted wamid.forged\u001b[2J\u2028";
    const body = JSON.stringify({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi", [forged]: 1 } });
    const { lines } = await commandLines(["--port", "0"], async (url) => {
      expect((await post(url, body, { Authorization: "Bearer test-token" })).status).toBe(400);
    });
    const logged = lines.filter((line) => line.includes("→"));
    expect(logged).toEqual([
      `→ POST ${path} 400 rejected (#100) Invalid parameter: text.\\u000A→ POST /v23.0/1/messages 200 accepted wamid.forged\\u001B[2J\\u2028: not a field of this object`,
    ]);
  });

  it("a refusal's path and reason are bounded and escaped too (a Host is any header)", () => {
    const request: RefusedRequest = {
      at: "2026-12-07T00:00:00.000Z",
      method: "GET",
      path: `/${"p".repeat(10_000)}`,
      status: 403,
      reason: `Host ${JSON.stringify(`evil\n${"h".repeat(10_000)}`)} is not served here`,
    };
    const line = refusedLine(request, false);
    expect(line.length).toBeLessThan(700);
    expect(line).not.toContain("\n");
    expect(line).toMatch(/^→ GET \/p+… \(9801 more characters\) 403 refused: Host "evil\\nh+… \(\d+ more characters\)$/);
    expect(JSON.parse(refusedLine(request, true)).path).toHaveLength(200 + "… (9801 more characters)".length);
  });

  it("an accepted request's line is unchanged: the wamid", () => {
    expect(requestLine({ at: "", path, phoneNumberId: "1", body: {}, status: 200, outcome: "accepted", wamid: "wamid.HBgLx" }, false)).toBe(
      `→ POST ${path} 200 accepted wamid.HBgLx`,
    );
  });
});

describe("logText", () => {
  it("escapes line breaks and controls, keeps other text, and never splits a surrogate pair when it cuts", () => {
    expect(logText("a\r\nb\u0000\u007f\u0085c é 👍", 100)).toBe("a\\u000D\\u000Ab\\u0000\\u007F\\u0085c é 👍");
    expect(logText("ab👍cd", 3)).toBe("ab… (4 more characters)");
    expect(logText("ab👍cd", 4)).toBe("ab👍… (2 more characters)");
    expect(logText("", 5)).toBe("");
  });

  it("escapes bidirectional overrides and isolates: a value cannot show the rest of its line reversed", () => {
    expect(logText('got "\u202Edetpecca 002\u202C"', 100)).toBe('got "\\u202Edetpecca 002\\u202C"');
    expect(logText("\u061C\u200E\u200F\u202A\u202B\u202D\u2066\u2067\u2068\u2069", 100)).toBe(
      "\\u061C\\u200E\\u200F\\u202A\\u202B\\u202D\\u2066\\u2067\\u2068\\u2069",
    );
  });
});

describe("the banner", () => {
  it("says who reads the variables it prints: the app under test, and the CLI's template commands", async () => {
    const { lines } = await commandLines(["--port", "0"], async () => {});
    expect(lines).toContain(
      "point your app at it (your code reads these; wacompose templates --from-api, diff, push and pull read the first two):",
    );
  });
});
