import { createHmac } from "node:crypto";
import { writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { attemptLine } from "../src/command.js";
import { emulatorUsage, runEmulatorCommand } from "../src/index.js";

const appSecret = "command-test-secret";

/** Runs the command until `until` holds for its lines (bounded), then stops it as Ctrl+C would. */
async function runUntil(args: string[], until: (lines: string[]) => boolean) {
  const lines: string[] = [];
  const stop = new AbortController();
  let changed = () => {};
  const done = runEmulatorCommand(args, {
    write: (line) => {
      lines.push(...line.split("\n"));
      changed();
    },
    signal: stop.signal,
  });
  const deadline = Date.now() + 20_000;
  while (!until(lines) && Date.now() < deadline) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await new Promise<void>((resolve) => {
      changed = resolve;
      timer = setTimeout(resolve, deadline - Date.now());
    });
    clearTimeout(timer);
  }
  stop.abort();
  return { code: await done, lines };
}

/** The status of a GET to 127.0.0.1:`port` with a forged Host header (fetch does not let a caller set it). */
function statusWithHost(port: number, host: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

/** A receiver that checks X-Hub-Signature-256 itself (node:crypto, as any language would) and answers 200 or 403. */
async function receiver(secret: string) {
  const seen: { valid: boolean; body: string }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const expected = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
      const valid = request.headers["x-hub-signature-256"] === expected;
      seen.push({ valid, body });
      response.writeHead(valid ? 200 : 403).end(valid ? "OK" : "the signature does not match the body");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const send = (url: string, token = "test-token") =>
  fetch(`${url}/v23.0/106540352242922/messages`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({
      messaging_product: "whatsapp",
      to: "16505551234",
      type: "template",
      template: { name: "hello_world", language: { code: "en_US" } },
    }),
  });

describe("wacompose emulator (runEmulatorCommand)", () => {
  it("--help lists every option", async () => {
    const { code, lines } = await runUntil(["--help"], () => true);
    expect(code).toBe(0);
    for (const option of [
      "--port",
      "--host",
      "--allowed-host",
      "--token",
      "--phone-number-id",
      "--webhook-url",
      "--app-secret",
      "--verify-token",
      "--templates",
      "--template-review-delay",
      "--no-window",
      "--latency",
      "--seed",
      "--json",
      "--help",
    ])
      expect(lines.join("\n")).toMatch(new RegExp(`^  ${option} `, "m"));
    expect(lines.join("\n")).toBe(emulatorUsage);
    // `pnpm emulator -- --help` passes pnpm's "--" on: it was "Unexpected argument '--help'".
    const separated = await runUntil(["--", "--help"], () => true);
    expect(separated.code).toBe(0);
    expect(separated.lines.join("\n")).toBe(emulatorUsage);
  });

  it("--json: a line when listening (URL, inbox, env), one per request and per delivery attempt, one when stopped", async () => {
    const hook = await receiver(appSecret);
    try {
      let url = "";
      const { code, lines } = await runUntil(
        [
          "--port",
          "0",
          "--json",
          "--webhook-url",
          hook.url,
          "--app-secret",
          appSecret,
          "--phone-number-id",
          "106540352242922",
          "--seed",
          "7",
        ],
        (sofar) => {
          const listening = sofar.map((line) => JSON.parse(line)).find((event) => event.event === "listening");
          if (listening !== undefined && url === "") {
            url = listening.url;
            void send(url);
          }
          return sofar.filter((line) => line.includes('"event":"webhook"')).length >= 3;
        },
      );
      expect(code).toBe(0);
      const events = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(events[0]).toEqual({
        event: "listening",
        url,
        inbox: `${url}/`,
        webhook: hook.url,
        env: { WHATSAPP_API_BASE_URL: url, WHATSAPP_ACCESS_TOKEN: "test-token", WHATSAPP_PHONE_NUMBER_ID: "106540352242922" },
      });
      expect(events.find((event) => event.event === "request")).toMatchObject({
        status: 200,
        outcome: "accepted",
        path: "/v23.0/106540352242922/messages",
      });
      const webhooks = events.filter((event) => event.event === "webhook");
      expect(webhooks.map((event) => [event.what, event.status, event.answer])).toEqual([
        ["status sent", 200, "OK"],
        ["status delivered", 200, "OK"],
        ["status read", 200, "OK"],
      ]);
      expect(events.at(-1)).toEqual({ event: "stopped", received: 1 });
      expect(hook.seen.every((post) => post.valid)).toBe(true);
    } finally {
      await hook.close();
    }
  });

  it("a failed status's line gives its error code (131047: the window), not only GET /__deliveries", () => {
    const failed = {
      object: "whatsapp_business_account",
      entry: [{ changes: [{ value: { statuses: [{ status: "failed", errors: [{ code: 131047, title: "Re-engagement message" }] }] } }] }],
    };
    const attempt = { at: "2026-12-06T10:00:00.000Z", status: 200, answer: "OK" };
    expect(attemptLine({ id: 9, payload: failed, body: "", attempts: [attempt], state: "delivered" }, attempt, false)).toBe(
      "← webhook #9 status failed (131047): 200",
    );
  });

  it("an attempt's line says what became of it: answered, no answer and why, or never sent (a full queue)", () => {
    const status = { object: "whatsapp_business_account", entry: [{ changes: [{ value: { statuses: [{ status: "sent" }] } }] }] };
    const attempts = [
      { at: "2026-12-06T10:00:00.000Z", status: 200, answer: "OK" },
      { at: "2026-12-06T10:00:01.000Z", error: "connect ECONNREFUSED 127.0.0.1:3000" },
      { at: "2026-12-06T10:00:02.000Z", error: "not sent: over 10000 deliveries were waiting for the receiver" },
    ];
    const lines = attempts.map((attempt, n) =>
      attemptLine({ id: 7, payload: status, body: "", attempts: attempts.slice(0, n + 1), state: "pending" }, attempt, false),
    );
    expect(lines).toEqual([
      "← webhook #7 status sent: 200",
      "← webhook #7 status sent, attempt 2: no answer (connect ECONNREFUSED 127.0.0.1:3000)",
      "← webhook #7 status sent, attempt 3: not sent: over 10000 deliveries were waiting for the receiver",
    ]);
  });

  it("a wrong app secret is one visible line per attempt, with the receiver's answer", async () => {
    const hook = await receiver("the-receivers-other-secret");
    try {
      let sent = false;
      const { lines } = await runUntil(["--port", "0", "--webhook-url", hook.url, "--app-secret", appSecret], (sofar) => {
        const at = sofar.find((line) => line.startsWith("wacompose emulator listening at "));
        if (at !== undefined && !sent) {
          sent = true;
          void send(at.slice("wacompose emulator listening at ".length));
        }
        return sofar.some((line) => line.startsWith("← webhook #1"));
      });
      expect(lines).toContainEqual(
        '← webhook #1 status sent: 403 "the signature does not match the body" (does your receiver check signatures with the same --app-secret?)',
      );
      expect(lines.join("\n")).not.toContain(appSecret);
      expect(lines.at(-1)).toBe("stopped");
    } finally {
      await hook.close();
    }
  });

  it("says what to set, and where the inbox is", async () => {
    const { lines } = await runUntil(["--port", "0", "--token", "my-token", "--phone-number-id", "123456"], (sofar) =>
      sofar.includes("Ctrl+C stops it."),
    );
    const url = /listening at (\S+)/.exec(lines[0] ?? "")?.[1];
    expect(lines).toEqual(
      expect.arrayContaining([
        `  inbox:    ${url}/`,
        `  export WHATSAPP_API_BASE_URL=${url}`,
        "  export WHATSAPP_ACCESS_TOKEN=my-token",
        "  export WHATSAPP_PHONE_NUMBER_ID=123456",
      ]),
    );
  });

  it("--host 0.0.0.0 still checks the Host header: loopback names and each --allowed-host are served, others get 403", async () => {
    const stop = new AbortController();
    let listening: (line: string) => void = () => {};
    const first = new Promise<string>((resolve) => {
      listening = resolve;
    });
    const args = ["--port", "0", "--host", "0.0.0.0", "--allowed-host", "emulator", "--allowed-host", "wa.test"];
    const done = runEmulatorCommand(args, { write: (line) => listening(line), signal: stop.signal });
    try {
      const port = Number(/listening at http:\/\/0\.0\.0\.0:(\d+)/.exec(await Promise.race([first, done.then(String)]))?.[1]);
      const statuses: number[] = [];
      for (const host of ["rebound.evil.example", "localhost:1234", "emulator:4010", "WA.test", "wa.test.evil.example"])
        statuses.push(await statusWithHost(port, host, "/__received"));
      expect(statuses).toEqual([403, 200, 200, 200, 403]);
    } finally {
      stop.abort();
      expect(await done).toBe(0);
    }
  });

  it("refuses bad options with a message that names the option and the value", async () => {
    const templates = join(tmpdir(), `wacompose-command-test-${process.pid}.json`);
    writeFileSync(templates, "{not json");
    const cases: [string[], RegExp][] = [
      [["--port", "70000"], /--port must be a whole number from 0 to 65535, got "70000"/],
      [["--port", "4.5"], /--port must be a whole number from 0 to 65535, got "4.5"/],
      [["--latency", "fast"], /--latency must be a whole number from 0 to 60000, got "fast"/],
      [["--latency", "80-20"], /--latency: the minimum 80 is above the maximum 20/],
      [["--seed", "1.5"], /--seed must be a whole number/],
      [["--phone-number-id", "+1 650"], /--phone-number-id is the number's id \(digits\), got "\+1 650"/],
      [["--webhook-url", "http://127.0.0.1:9/x"], /--webhook-url needs --app-secret/],
      [["--webhook-url", "ftp://x", "--app-secret", "s"], /--webhook-url must be an http\(s\) URL, got "ftp:\/\/x"/],
      [["--verify-token", "v"], /--verify-token acts on webhooks: give --webhook-url too/],
      [["--no-window"], /--no-window acts on webhooks/],
      [
        ["--token", "two words"],
        /--token must be one word of printable characters .*, got 9 characters where character 4 is U\+0020 \(the token is not shown\)$/,
      ],
      [["--token", "Bearer EAAGsecret"], /character 7 is U\+0020 \(the token is not shown\); give the token alone, without "Bearer "$/],
      [["--allowed-host", "wa.test:4010"], /--allowed-host is a host name without port or scheme .*, got "wa.test:4010"/],
      [["--allowed-host", "http://wa.test"], /--allowed-host is a host name without port or scheme .*, got "http:\/\/wa.test"/],
      [["--templates", "/nonexistent/templates.json"], /--templates: cannot read \/nonexistent\/templates.json \(ENOENT\)/],
      [["--templates", templates], /--templates: .* is not JSON/],
      [
        ["--template-review-delay", "soon"],
        /--template-review-delay is a duration such as 30s, 1m or 2h, or milliseconds \(at most 30 days\), got "soon"/,
      ],
      [["--template-review-delay", "31d"], /--template-review-delay .* got "31d"/],
      [["--bogus"], /Unknown option '--bogus' \(--help lists every option\)/],
      [["stray"], /positional/i],
      [["--", "--", "--port", "0"], /Unexpected argument '--port'/], // only one leading "--" is pnpm's
      [["--port"], /--port/],
    ];
    for (const [args, message] of cases) await expect(runEmulatorCommand(args, { write: () => {} })).rejects.toThrow(message);
    // A token pasted by mistake is never echoed, whatever is wrong with it.
    await expect(runEmulatorCommand(["--token", "EAAGsecret\n"], { write: () => {} })).rejects.toThrow(
      /^--token must be one word .* character 11 is U\+000A \(the token is not shown\)$/,
    );
    // Nor a webhook URL's password, in a URL refused before it is parsed (a space) or because it does not parse (a port).
    for (const url of ["http://hook:pa55 word@127.0.0.1:9/w", "http://hook:pa55word@127.0.0.1:99999/w"]) {
      const refused = runEmulatorCommand(["--webhook-url", url, "--app-secret", "s"], { write: () => {} });
      await expect(refused).rejects.toThrow(
        /--webhook-url must be an http\(s\) URL, got "…@127\.0\.0\.1:\d+\/w" \(what comes before its last "@" is not shown\)/,
      );
      await expect(refused).rejects.not.toThrow(/pa55/);
    }
  });

  it("--template-review-delay: a created template stays PENDING that long on the emulator's clock", async () => {
    let url = "";
    const statuses: string[] = [];
    const { code } = await runUntil(["--port", "0", "--json", "--template-review-delay", "30s"], (sofar) => {
      const listening = sofar.map((line) => JSON.parse(line)).find((event) => event.event === "listening");
      if (listening !== undefined && url === "") {
        url = listening.url;
        void (async () => {
          const json = { "Content-Type": "application/json" };
          await fetch(`${url}/v23.0/1/message_templates`, {
            method: "POST",
            headers: { Authorization: "Bearer test-token", ...json },
            body: JSON.stringify({
              name: "cli_made",
              language: "en_US",
              category: "UTILITY",
              components: [{ type: "BODY", text: "Hello there." }],
            }),
          });
          for (const by of ["29s", "1s"]) {
            await fetch(`${url}/__clock/advance`, { method: "POST", headers: json, body: JSON.stringify({ by }) });
            const [template] = (await (await fetch(`${url}/__templates`)).json()) as { status: string }[];
            statuses.push(template?.status ?? "none");
          }
          await send(url); // its request line makes the command look at `until` again
        })();
      }
      return statuses.length === 2;
    });
    expect(code).toBe(0);
    expect(statuses).toEqual(["PENDING", "APPROVED"]);
  });

  it("says when the port is taken", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = String((taken.address() as AddressInfo).port);
      await expect(runEmulatorCommand(["--port", port], { write: () => {} })).rejects.toThrow(
        `port ${port} is in use; pick another with --port (0: a free port)`,
      );
    } finally {
      await new Promise<void>((resolve) => taken.close(() => resolve()));
    }
  });
});
