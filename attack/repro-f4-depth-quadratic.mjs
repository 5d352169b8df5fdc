// F4: validate() time grows with size × depth (wire.ts `ancestors.includes`), not with size.
import { validate } from "../packages/builder/dist/esm/index.js";
const wrap = (x) => JSON.parse(`{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"a"},"x":[${x}]}`);
const chain = (d) => `${'{"v":'.repeat(d)}1${"}".repeat(d)}`;
for (const [label, json] of [
  ["300,000 objects, depth 1   ", new Array(300_000).fill(chain(1)).join(",")],
  ["300,000 objects, depth 300 ", new Array(1_000).fill(chain(300)).join(",")],
  ["300,000 objects, depth 3000", new Array(100).fill(chain(3000)).join(",")],
]) {
  const body = wrap(json);
  const t0 = performance.now();
  const issues = validate(body);
  console.log(label, `${(json.length / 1e6).toFixed(1)} MB`, `${(performance.now() - t0).toFixed(0)} ms`, issues.map((i) => i.code).join(","));
}
