import * as B from "../packages/builder/dist/esm/index.js";
export { B };
export const { msg, createMsg, validate, PayloadError } = B;
export function t(name, f) {
  let body, err;
  try { body = f(); } catch (e) { err = e; }
  if (err) {
    const pe = err instanceof PayloadError;
    console.log(name, "THROWS", pe ? "PayloadError" : err?.constructor?.name, pe ? JSON.stringify(err.issues.filter(i=>i.severity==="error").map(i=>[i.path,i.code])).slice(0,300) : String(err?.message).slice(0,200));
  } else {
    let v;
    try { v = validate(body).filter(i => i.severity === "error"); } catch (e) { v = [["VALIDATE THREW", String(e)]]; }
    console.log(name, "BUILT", v.length ? "**VALIDATE ERRORS** " + JSON.stringify(v.map(i=>[i.path,i.code,i.message])) : "ok");
  }
  return body;
}
export const n = "+16505551234";
