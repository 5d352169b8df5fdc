import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "@jest/globals";
import { build } from "esbuild";

// Size ceilings: what was measured + about 5% (bench/RESULTS.md), lowered as the library
// shrinks. The builders' quick acceptance tests (faster builds) added about 1.7 KB to both; the hardening
// (wire-form validation, capped and shape-checked answers, token-bucket pacing, checked options) 1.8 KB to a text send;
// the protocol module (error-code table, categories, titles) 0.8 KB to a text send and 1.5 KB to the whole builder;
// media (wa.media, reachable from createClient, and its rules) 2.0 KB to a text send; the rule table (rules as data,
// read by is/explain: 3 KB less minified, but data gzips less well than code) 0.1 KB to a text send, 1.4 KB to validate();
// the API of late 2026 (business-scoped ids, groups, carousels, calls, offers: rules and builders) 3.0 KB to a text send,
// 2.9 KB to the whole builder, 1.7 KB to validate().
// The per-kind functions (textTo: no fluent msg, so a bundler keeps only text's builder and rules) 0.4 KB to the whole builder;
// a text send through textTo is about half the fluent one. The quick tests compiled ahead of time from the rule table
// (rules/quick/: code per rule instead of one interpreter, for build speed) 4.4 KB to a text send and 4.9 KB to the whole
// builder, and 0.5 KB less to a text send through textTo (its kind's code alone, no interpreter); pins, payments,
// multi-product buttons and tap targets 1.3 KB to the whole builder and to a fluent text send. The token's allow-list and
// bounded downloads (media, still reachable from createClient) 0.75 KB to a text send through textTo.
// Bundled from the examples workspace, against the built packages, as a user's bundler would.
const ceilings = { sendOneText: 32_350, sendOneTextPerKind: 13_400, wholeBuilder: 29_700, validateAlone: 12_050, toRequestAlone: 660 };

async function bundle(contents: string): Promise<{ gzipped: number; code: string }> {
  const result = await build({
    stdin: { contents, resolveDir: join(__dirname, "../../../examples"), loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { gzipped: gzipSync(code, { level: 9 }).length, code: new TextDecoder().decode(code) };
}

describe("bundle size (esbuild --minify, gzip)", () => {
  it(`building and sending one text stays under ${ceilings.sendOneText} bytes, with no Node-only code`, async () => {
    const { gzipped, code } = await bundle(`
      import { msg } from "@wacompose/builder";
      import { createClient } from "@wacompose/transport-fetch";
      const wa = createClient({ phoneNumberId: "1", accessToken: "t", version: "v23.0" });
      await wa.send(msg.to("16505551234").text("hi"));`);
    expect(gzipped).toBeLessThanOrEqual(ceilings.sendOneText);
    expect(code).not.toMatch(/node:|createServer|startEmulator/);
  });

  // textTo reaches text's builder and rules, the envelope and the explaining walk, and no other kind.
  it(`building and sending one text with textTo stays under ${ceilings.sendOneTextPerKind} bytes, without other kinds' rules`, async () => {
    const { gzipped, code } = await bundle(`
      import { textTo } from "@wacompose/builder";
      import { createClient } from "@wacompose/transport-fetch";
      const wa = createClient({ phoneNumberId: "1", accessToken: "t", version: "v23.0" });
      await wa.send(textTo("16505551234", "hi"));`);
    expect(gzipped).toBeLessThanOrEqual(ceilings.sendOneTextPerKind);
    // A reaction's emoji test, a contact's name, a flow's CTA, a template's buttons, a carousel's cards.
    expect(code).not.toMatch(/Extended_Pictographic|formatted_name|flow_cta|sub_type|card_index/);
  });

  // The ESM build is one file per module: an app that only validates, or only makes requests
  // from bodies it wrote, does not carry the builders.
  it(`validate() alone stays under ${ceilings.validateAlone} bytes; toRequest() alone under ${ceilings.toRequestAlone}`, async () => {
    const validateAlone = await bundle(`import { validate } from "@wacompose/builder"; console.log(validate({}));`);
    expect(validateAlone.gzipped).toBeLessThanOrEqual(ceilings.validateAlone);
    expect(validateAlone.code).not.toMatch(/replyTo/);
    const toRequestAlone = await bundle(`import { toRequest } from "@wacompose/builder";
      console.log(toRequest({ messaging_product: "whatsapp", to: "1", type: "text", text: { body: "hi" } }, { phoneNumberId: "1", accessToken: "t", version: "v23.0" }));`);
    expect(toRequestAlone.gzipped).toBeLessThanOrEqual(ceilings.toRequestAlone);
  });

  it(`the whole builder stays under ${ceilings.wholeBuilder} bytes and has no runtime dependencies`, async () => {
    const { gzipped, code } = await bundle(`export * from "@wacompose/builder";`);
    expect(gzipped).toBeLessThanOrEqual(ceilings.wholeBuilder);
    expect(code).not.toMatch(/node:|require\(/);
  });
});
