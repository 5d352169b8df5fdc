import { build } from "esbuild";
import { gzipSync } from "node:zlib";
const sender = `import { createSender } from "@wacompose/transport-fetch";
  const wa = createSender({ phoneNumberId: "1", accessToken: "t", version: "v23.0" });`;
const s = {
  "createSender alone": `${sender} await wa.send({ messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "hi" } });`,
  "text send createMsg+createSender": `import { createMsg, text } from "@wacompose/builder"; ${sender} await wa.send(createMsg({ text }).to("16505551234").text("hi"));`,
  "full msg + createClient": `import { msg } from "@wacompose/builder"; import { createClient } from "@wacompose/transport-fetch"; const wa = createClient({ phoneNumberId: "1", accessToken: "t", version: "v23.0" }); await wa.send(msg.to("16505551234").text("hi"));`,
  "createClient": `import { createClient } from "@wacompose/transport-fetch"; const wa = createClient({ phoneNumberId: "1", accessToken: "t", version: "v23.0" }); await wa.send({});`,
  "template manager": `import { createTemplateManager } from "@wacompose/transport-fetch/templates"; const t = createTemplateManager({ businessAccountId: "1", accessToken: "t" }); console.log(await t.list({ status: "APPROVED" }));`,
};
for (const [k, contents] of Object.entries(s)) {
  const r = await build({ stdin: { contents, resolveDir: new URL("../examples", import.meta.url).pathname, loader: "js" }, bundle: true, minify: true, format: "esm", platform: "browser", target: "es2022", write: false, logLevel: "silent" });
  console.log(k, gzipSync(r.outputFiles[0].contents, { level: 9 }).length, "B min+gz");
}
