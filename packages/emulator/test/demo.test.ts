import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { commandLines } from "./support/command-lines.js";

// `pnpm start`'s demo (examples/demo.ts) as a user runs it: it imports the packages by name, so it reads their
// dist (`pnpm build` first; `pnpm test` builds before jest).
const root = join(__dirname, "../../..");

/** Runs the demo with `args` and `env` to its end (bounded); never blocks this process, whose emulator it may talk to. */
function demo(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "examples/demo.ts"), ...args], {
      cwd: root,
      env: { ...process.env, WHATSAPP_API_BASE_URL: undefined, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const guard = setTimeout(() => child.kill("SIGKILL"), 120_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(guard);
      resolve({ code, output });
    });
  });
}

describe("the demo (pnpm start)", () => {
  it("--once prints no inbox URL: the emulator has closed by then", async () => {
    const { code, output } = await demo(["--once", "--port", "0"]);
    expect(code).toBe(0);
    expect(output).toContain("20 of 20 sent.");
    expect(output).toContain("The emulator and the bot have stopped (--once).");
    expect(output).not.toContain("Inbox:");
    expect(output).not.toMatch(/http:\/\/(localhost|127\.0\.0\.1|\[::1\])/);
  });

  it("--to reads WHATSAPP_API_BASE_URL with the other two: the variables `wacompose emulator` prints point it there", async () => {
    let run = { code: null as number | null, output: "" };
    const { lines } = await commandLines(["--port", "0", "--token", "banner-token"], async (url, banner) => {
      // The banner's own lines, as a user would paste them.
      const exported = Object.fromEntries(
        banner.flatMap((line) => {
          const found = /^ {2}export (WHATSAPP_\w+)=(\S+)$/.exec(line);
          return found === null ? [] : [[found[1] as string, found[2] as string]];
        }),
      );
      expect(exported).toEqual({
        WHATSAPP_API_BASE_URL: url,
        WHATSAPP_ACCESS_TOKEN: "banner-token",
        WHATSAPP_PHONE_NUMBER_ID: "106540352242922",
      });
      run = await demo(["--to", "+16505551234"], exported);
      expect(run.output).toContain(`Sending the showcase to +16505551234 through ${url} (WHATSAPP_API_BASE_URL)…`);
    });
    expect(run.output).toContain("20 of 20 sent.");
    expect(run.code).toBe(0);
    expect(lines.filter((line) => / 200 accepted( |$)/.test(line))).toHaveLength(20);
  });

  it("reads its arguments strictly: a typo, a --to without its number or an extra word stops it before anything starts", async () => {
    // Each was ignored: the demo ran on port 4010 (or locally, for a bare --to) as if it had not been given. Every
    // case has --once, so a demo that ignores the rest ends instead of keeping its inbox open.
    const cases: [readonly string[], string][] = [
      [["--once", "--to"], "pnpm start: Option '--to <value>' argument missing (pnpm start --help lists the options)"],
      [["--once", "--prot", "0"], "pnpm start: Unknown option '--prot' (pnpm start --help lists the options)"],
      [["--", "--once", "--port", "0", "--onec"], "pnpm start: Unknown option '--onec' (pnpm start --help lists the options)"],
      [["--once", "--port", "0", "now"], "pnpm start: Unexpected argument 'now'."],
    ];
    for (const [args, message] of cases) {
      const { code, output } = await demo(args);
      expect(code).toBe(1);
      expect(output).toContain(message);
      expect(output).not.toContain("Sending the showcase");
    }
    // A leading "--" (npm's habit) is pnpm's separator, not ours.
    const help = await demo(["--", "--help"]);
    expect(help.code).toBe(0);
    expect(help.output).toMatch(/^usage: pnpm start \[options\]/);
  }, 120_000);

  it("--to with a WHATSAPP_API_BASE_URL the client refuses says so and sends nothing", async () => {
    const { code, output } = await demo(["--to", "+16505551234"], {
      WHATSAPP_API_BASE_URL: "http://127.0.0.1:9/?a=1",
      WHATSAPP_ACCESS_TOKEN: "t",
      WHATSAPP_PHONE_NUMBER_ID: "106540352242922",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/baseUrl.*\(WHATSAPP_API_BASE_URL\); nothing was sent\.\n$/);
    expect(output).not.toContain("Sending the showcase");
  });
});
