// Bundle size: esbuild --bundle --minify for the browser, then gzip. (a) build and send one
// message: composed kinds with the transport core, and the full msg with the full client;
// (b) the whole builder; (c) validate() and toRequest() alone; the peers' (a).
// Prints a markdown table.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const sender = `import { createSender } from "@wacompose/transport-fetch";
    const wa = createSender({ phoneNumberId: "1", accessToken: "t", version: "v23.0" });`;
const entries = {
  "wacompose: send one text, composed (createMsg({ text }) + createSender)": `
    import { createMsg, text } from "@wacompose/builder"; ${sender}
    await wa.send(createMsg({ text }).to("16505551234").text("hi"));`,
  "wacompose: send buttons, composed (createMsg({ buttons }) + createSender)": `
    import { createMsg, buttons } from "@wacompose/builder"; ${sender}
    await wa.send(createMsg({ buttons }).to("16505551234").buttons("Pick").reply("a", "A"));`,
  "wacompose: send a template, composed (createMsg({ template }) + createSender)": `
    import { createMsg, template } from "@wacompose/builder"; ${sender}
    await wa.send(createMsg({ template }).to("16505551234").template("hello").language("en_US"));`,
  "wacompose: send one text with the full msg + createClient (the large path)": `
    import { msg } from "@wacompose/builder";
    import { createClient } from "@wacompose/transport-fetch";
    const wa = createClient({ phoneNumberId: "1", accessToken: "t", version: "v23.0" });
    await wa.send(msg.to("16505551234").text("hi"));`,
  "wacompose: send one text with textTo (per-kind function, no msg)": `
    import { textTo } from "@wacompose/builder";
    import { createClient } from "@wacompose/transport-fetch";
    const wa = createClient({ phoneNumberId: "1", accessToken: "t", version: "v23.0" });
    await wa.send(textTo("16505551234", "hi"));`,
  "wacompose: createSender alone, sending a literal body (the transport core)": `${sender}
    await wa.send({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } });`,
  "wacompose: createSender with retry: retryWhenNotAccepted()": `
    import { createSender, retryWhenNotAccepted } from "@wacompose/transport-fetch";
    const wa = createSender({ phoneNumberId: "1", accessToken: "t", version: "v23.0", retry: retryWhenNotAccepted() });
    await wa.send({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } });`,
  "wacompose: the template manager alone (@wacompose/transport-fetch/templates)": `
    import { createTemplateManager } from "@wacompose/transport-fetch/templates";
    console.log(await createTemplateManager({ businessAccountId: "1", accessToken: "t" }).list({ status: "APPROVED" }));`,
  "wacompose: the whole builder": `export * from "@wacompose/builder";`,
  "wacompose: validate() alone": `import { validate } from "@wacompose/builder"; console.log(validate({}));`,
  "wacompose: toRequest() alone": `import { toRequest } from "@wacompose/builder"; console.log(toRequest({}, { phoneNumberId: "1", accessToken: "t", version: "v23.0" }));`,
  "whatsapp-api-js: send one text": `
    import { WhatsAppAPI } from "whatsapp-api-js";
    import { Text } from "whatsapp-api-js/messages";
    const api = new WhatsAppAPI({ token: "t", secure: false, v: "v23.0" });
    await api.sendMessage("1", "16505551234", new Text("hi"));`,
  "@kapso/whatsapp-cloud-api: send one text": `
    import { WhatsAppClient } from "@kapso/whatsapp-cloud-api";
    await new WhatsAppClient({ accessToken: "t" }).messages.sendText({ phoneNumberId: "1", to: "16505551234", body: "hi" });`,
  "hand-written fetch": `
    await fetch("https://graph.facebook.com/v23.0/1/messages", { method: "POST", headers: { Authorization: "Bearer t", "Content-Type": "application/json" },
      body: JSON.stringify({ messaging_product: "whatsapp", recipient_type: "individual", to: "16505551234", type: "text", text: { body: "hi" } }) });`,
};

/** Issue 30's goals, min+gz; validate() alone: no larger than before that work (11,969 B). */
const goals = {
  "wacompose: send one text, composed (createMsg({ text }) + createSender)": 3_300,
  "wacompose: send buttons, composed (createMsg({ buttons }) + createSender)": 5_000,
  "wacompose: send a template, composed (createMsg({ template }) + createSender)": 6_000,
  "wacompose: send one text with the full msg + createClient (the large path)": 20_000,
  "wacompose: validate() alone": 11_969,
};

/** Minified and gzipped bytes of `source` bundled for the browser. */
export async function bundleSize(source, resolveDir = new URL(".", import.meta.url).pathname) {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "js" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, text: new TextDecoder().decode(code) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log("| bundle | min | min+gz | goal (issue 30) |");
  console.log("|---|---|---|---|");
  for (const [name, source] of Object.entries(entries)) {
    try {
      const { minified, gzipped } = await bundleSize(source);
      const goal = goals[name] === undefined ? "" : `≤ ${goals[name].toLocaleString("en")} B ${gzipped <= goals[name] ? "✓" : "✗"}`;
      console.log(`| ${name} | ${minified.toLocaleString("en")} B | ${gzipped.toLocaleString("en")} B | ${goal} |`);
    } catch (error) {
      console.log(
        `| ${name} | — | does not bundle for the browser: ${error.errors?.[0]?.text ?? String(error.message).split("\n")[0]} | |`,
      );
    }
  }
}
