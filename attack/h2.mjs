import * as B from "../packages/builder/dist/esm/index.js";
import { isDeepStrictEqual } from "node:util";
export { B };
export const { msg, createMsg, validate, PayloadError } = B;
export const n = "+16505551234";
// f returns a builder; compares .build() / .safeBuild() to validate(assembled body)
export function d(name, f) {
  let b;
  try { b = f(); } catch (e) { console.log(name, "CONSTRUCT THROWS", e?.constructor?.name, String(e?.message).slice(0, 150)); return; }
  let body, v;
  try { body = b.assemble(); v = validate(body); } catch (e) { console.log(name, "assemble/validate threw", String(e)); return; }
  const verr = v.filter(i => i.severity === "error");
  let built, err;
  try { built = b.build(); } catch (e) { err = e; }
  let safe; try { safe = b.safeBuild(); } catch (e) { safe = { threw: String(e) }; }
  const tag = [];
  if (err && !(err instanceof PayloadError)) tag.push("NON-PAYLOAD THROW " + err.constructor.name + ": " + String(err.message).slice(0, 100));
  if (!err && verr.length) tag.push("BUILT BUT VALIDATE ERRORS " + JSON.stringify(verr.map(i => [i.path, i.code])));
  if (err instanceof PayloadError) {
    if (!verr.length) tag.push("THROWS BUT VALIDATE OK " + JSON.stringify(err.issues));
    else if (!isDeepStrictEqual([...err.issues], [...v])) tag.push("ISSUES DIFFER\n   build:   " + JSON.stringify(err.issues) + "\n   validate:" + JSON.stringify(v));
  }
  if (safe.threw) tag.push("SAFEBUILD THREW " + safe.threw);
  else if (safe.ok === !!err) tag.push("SAFEBUILD DISAGREES");
  console.log(name, tag.length ? "**" + tag.join(" | ") : (err ? "ok(throws same)" : "ok(built)"));
}
