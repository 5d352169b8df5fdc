import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";

const repo = join(__dirname, "../../..");

describe("the docs check", () => {
  it("fails when a snippet is broken (on a temp copy of the docs)", () => {
    const copy = mkdtempSync(join(tmpdir(), "wacompose-docs-"));
    try {
      cpSync(join(repo, "docs"), join(copy, "docs"), { recursive: true });
      cpSync(join(repo, "README.md"), join(copy, "README.md"));
      const page = join(copy, "docs/text-and-media.md");
      writeFileSync(page, readFileSync(page, "utf8").replace('.text("Thanks, we got it!")', ".text(42)"));
      const result = spawnSync(process.execPath, [join(repo, "scripts/check-docs.mjs"), "--dir", copy], { cwd: repo, encoding: "utf8" });
      expect(result.status).toBe(1);
      expect(result.stdout).toMatch(/docs\/text-and-media\.md:\d+: TS 5\.9 error TS2345/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);
});
