import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { type Emulator, startEmulator, type TemplateDefinition } from "@wacompose/emulator";

// The whole typed-template path offline: the emulator serves the sample export page by page,
// `wacompose templates --from-api` fetches it with a token and writes the typed definitions.
const bin = join(__dirname, "../dist/bin.js");
const sample = JSON.parse(readFileSync(join(__dirname, "../fixtures/message_templates.json"), "utf8")) as { data: TemplateDefinition[] };
let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ accessToken: "cli-token", templates: sample });
});
afterAll(() => emulator.close());

const wacompose = (args: string[], env: Record<string, string> = {}) =>
  promisify(execFile)(process.execPath, [bin, ...args], { encoding: "utf8", env: { ...process.env, ...env } }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

describe("wacompose templates --from-api", () => {
  it("fetches every page of the emulator's templates and writes the same code as from the file", async () => {
    const fromApi = await wacompose(["templates", "--from-api", "--waba", "102290129340398", "--base-url", emulator.url], {
      WHATSAPP_ACCESS_TOKEN: "cli-token",
    });
    const fromFile = await wacompose(["templates", join(__dirname, "../fixtures/message_templates.json")]);
    expect(fromApi.code).toBe(0);
    const body = (text: string) =>
      text
        .split("\n")
        .filter((line) => !line.startsWith("//"))
        .join("\n");
    expect(body(fromApi.stdout)).toBe(body(fromFile.stdout));
    expect(fromApi.stdout).toContain("order_update");
  });

  it("pages: a small limit still yields every template", async () => {
    const first = (await (
      await fetch(`${emulator.url}/v26.0/1/message_templates?limit=2`, { headers: { Authorization: "Bearer cli-token" } })
    ).json()) as {
      data: unknown[];
      paging: { next?: string };
    };
    expect(first.data).toHaveLength(2);
    const all = [...first.data];
    for (let next = first.paging.next; next !== undefined; ) {
      const page = (await (await fetch(next, { headers: { Authorization: "Bearer cli-token" } })).json()) as {
        data: unknown[];
        paging: { next?: string };
      };
      all.push(...page.data);
      next = page.paging.next;
    }
    expect(all).toEqual(sample.data);
  });

  it("says what is missing: no token, no account, a wrong token", async () => {
    expect(
      (await wacompose(["templates", "--from-api", "--waba", "1", "--base-url", emulator.url], { WHATSAPP_ACCESS_TOKEN: "" })).stderr,
    ).toContain("set WHATSAPP_ACCESS_TOKEN");
    expect(
      (
        await wacompose(["templates", "--from-api", "--base-url", emulator.url], {
          WHATSAPP_ACCESS_TOKEN: "x",
          WHATSAPP_BUSINESS_ACCOUNT_ID: "",
        })
      ).stderr,
    ).toContain("--waba <id> or WHATSAPP_BUSINESS_ACCOUNT_ID");
    const wrong = await wacompose(["templates", "--from-api", "--waba", "1", "--base-url", emulator.url], {
      WHATSAPP_ACCESS_TOKEN: "nope",
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/Graph API error 190 \(HTTP 401\): \(#190\)/);
  });
});
