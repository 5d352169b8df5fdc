// F6b: safeBuild() "never throws" and build() "throws PayloadError", but on flow data nested ~3,000 deep both throw a
// RangeError from the JSON.parse reviver in sentForm (rules/built-issues.ts: the JSON.parse is outside the try/catch).
// Run: node attack/repro-f6b-safebuild-throws.mjs
import { msg, validate } from "../packages/builder/dist/esm/index.js";
for (const depth of [2000, 2500, 3000, 3500]) {
  let data = {};
  for (let i = 0; i < depth; i++) data = { d: data };
  let builder;
  try { builder = msg.to("+16505551234").flow("b", { flowId: "1", cta: "Go", data }); }
  catch (e) { console.log(depth, ".flow() threw", e.constructor.name); continue; }
  for (const method of ["safeBuild", "build"]) {
    try { const r = builder[method](); console.log(depth, `${method}() returned`, method === "safeBuild" ? `ok=${r.ok}` : "a body"); }
    catch (e) { console.log(depth, `${method}() THREW ${e.constructor.name}: ${e.message} at`, e.stack.split("\n")[2].trim()); }
  }
  let body;
  try { body = builder.build(); } catch { continue; }
  console.log(depth, "validate() of the body build() returned:", validate(body).map((i) => `${i.severity} ${i.path.slice(0, 50)}${i.path.length > 50 ? "…" : ""}: ${i.message.slice(0, 70)}`));
}
