// Outside review of 7a82cf5 (branch atk): one minimal reproduction per finding, against the built dist.
// Run from the repo root: node attack/repros.mjs   (F5 lives apart: attack/repro-f5-sparse-array-oom.mjs aborts the process)
import * as B from "../packages/builder/dist/esm/index.js";
const { msg, createMsg, text, validate, toRequest, PayloadError } = B;
const n = "+16505551234";
const errs = (body) => validate(body).filter((i) => i.severity === "error").map((i) => `${i.path}: ${i.message}`);
const section = (title) => console.log(`\n== ${title}`);
const attempt = (f) => { try { return f(); } catch (e) { return `${e instanceof PayloadError ? "PayloadError" : e.constructor.name}: ${e.message.split("\n")[0]}`; } };

section("F1 build() returns a body validate() rejects (NaN/±Infinity pass the refinements' yes/no checks)");
for (const [name, make] of [
  ["msg.to(n).image({ id: NaN })", () => msg.to(n).image({ id: NaN })],
  ["msg.toGroup(NaN).text('hi')", () => msg.toGroup(NaN).text("hi")],
  ["msg.to(n).flow('b', { flowId: NaN, cta: 'Go' })", () => msg.to(n).flow("b", { flowId: NaN, cta: "Go" })],
  ["template body text(a,{name:'x'}).text(b,{name:NaN})", () => msg.to(n).template("t").language("en").body((p) => p.text("a", { name: "x" }).text("b", { name: NaN }))],
]) {
  const body = make().build(); // does not throw
  console.log(name, "\n  built:", JSON.stringify(body), "\n  validate():", errs(body));
}

section("F2 validate() after a stack overflow on deep nesting: issues at the wrong path");
{
  const deep = "[".repeat(20000) + "]".repeat(20000);
  const body = JSON.parse(`{"messaging_product":"whatsapp","type":"text","text":{"body":"a","x":${deep}},"to":"1"}`);
  console.log(validate(body).map((i) => `${i.path.length > 60 ? i.path.slice(0, 40) + "…(" + i.path.length + " chars)" : i.path} [${i.code}]`));
  console.log("  expected: text.x [unknown_field] and to [invalid_format]; the `to` issue is reported under text.x");
}

section("F3 validate() issue count unbounded for object keys and cycles");
{
  const body = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "a" } };
  for (let i = 0; i < 200_000; i++) body[`k${i}`] = 1;
  let t0 = performance.now();
  console.log("200,000 unknown root keys (~2.3 MB as JSON):", validate(body).length, "issues in", (performance.now() - t0).toFixed(0), "ms");
  const cyc = { messaging_product: "whatsapp", to: "16505551234", type: "text", text: { body: "a" }, x: [] };
  for (let i = 0; i < 100_000; i++) cyc.x.push(cyc);
  t0 = performance.now();
  console.log("100,000 cycles in one array:", validate(cyc).length, "issues in", (performance.now() - t0).toFixed(0), "ms (array issues are capped at 20 elsewhere)");
}

section("F6 builders throw engine errors, not PayloadError/TypeError naming where");
{
  let data = {};
  for (let i = 0; i < 100_000; i++) data = { d: data };
  console.log("flow() data 1e5 deep:", attempt(() => msg.to(n).flow("b", { flowId: "1", cta: "Go", data }).build()));
  console.log("template flowButton data { f(){} }:", attempt(() => msg.to(n).template("t").language("en").flowButton(0, { data: { f() {} } }).build()));
  console.log("template flowButton data { toJSON(){} }:", attempt(() => msg.to(n).template("t").language("en").flowButton(0, { data: { toJSON() { return 1; } } }).build()));
  console.log("template flowButton data 1e5 deep:", attempt(() => msg.to(n).template("t").language("en").flowButton(0, { data }).build()));
  console.log("  compare flow() with a function in data:", attempt(() => msg.to(n).flow("b", { flowId: "1", cta: "Go", data: { f() {} } }).build()));
}

section("F8 builders are not immutable: the recipient's addressing is a shared, mutable object");
{
  const recipient = createMsg({ text }).to(n);
  const builder = recipient.text("hi");
  recipient.addressing.to = "+442071234567";
  recipient.addressing.group = true;
  console.log("builder made for", n, "now builds:", JSON.stringify(builder.build()));
  const r2 = msg.to(n); const b2 = r2.text("hi"); r2.addressing.to = "+442071234567";
  console.log("msg.to(n) likewise:", b2.build().to);
}

section("F9 unclear TypeErrors for null options (JS callers)");
console.log("msg.toGroup(id).pin(w, null):", attempt(() => msg.toGroup("1").pin("w", null)));
console.log("msg.toUser(bsuid, null):", attempt(() => msg.toUser("US.1", null)));
console.log("createMsg({text}).toUser(bsuid, null):", attempt(() => createMsg({ text }).toUser("US.1", null)));
console.log("a composed kind called detached:", attempt(() => { const f = createMsg({ text }).to(n).text; return f("hi"); }));
console.log("  compare msg.to(n).text('a', null):", attempt(() => msg.to(n).text("a", null)));

section("F10 createMsg takes any function under any name");
{
  const thenable = createMsg({ text, then: text }).to(n);
  console.log("createMsg({ text, then: text }).to(n) is a thenable:", typeof thenable.then === "function");
  console.log("createMsg({ text: B.buttons }).to(n).text('b') is a", attempt(() => createMsg({ text: B.buttons }).to(n).text("b").constructor.name));
  console.log("createMsg([text]) accepted:", attempt(() => typeof createMsg([text]).to));
}

section("F11 interactive media header: extra media silently dropped, inherited media read");
{
  const img = { link: "https://x.com/a.jpg" };
  console.log(JSON.stringify(msg.to(n).buttons("b").header({ image: img, video: img }).reply("a", "A").build().interactive.header));
  console.log(JSON.stringify(msg.to(n).buttons("b").header(Object.create({ image: img })).reply("a", "A").build().interactive.header));
  console.log("  validate() of the same shape by hand:", errs({ messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: { type: "button", header: { type: "image", image: img, video: img }, body: { text: "b" }, action: { buttons: [{ type: "reply", reply: { id: "a", title: "A" } }] } } }));
}

section("F12 toRequest accepts CR/LF in accessToken (header injection for raw clients)");
console.log(JSON.stringify(toRequest({ messaging_product: "whatsapp", to: "1", type: "text", text: { body: "a" } }, { phoneNumberId: "1", accessToken: "t\r\nX-Injected: 1" }).headers));

section("F13 prototype pollution makes the builder's fast path read inherited fields");
{
  Object.prototype.id = "1";
  const body = attempt(() => msg.to(n).image({ link: undefined }).build());
  delete Object.prototype.id;
  console.log("with Object.prototype.id polluted, image({}) builds:", JSON.stringify(body), "validate():", typeof body === "object" ? errs(body) : "-");
}

section("F14 template-refinements parameterOf read through the prototype: junk message for sub_type 'constructor'");
console.log(validate({ messaging_product: "whatsapp", to: "16505551234", type: "template", template: { name: "x", language: { code: "en" }, components: [{ type: "button", sub_type: "constructor", index: 0, parameters: [{ type: "payload", payload: "p" }] }] } }).map((i) => `${i.path}: ${i.message}`));

section("F15 a mark-as-read body with `to: null` is judged as a message");
console.log(validate({ messaging_product: "whatsapp", status: "read", message_id: "wamid.x", to: null }).map((i) => `${i.severity} ${i.path}: ${i.message}`));

section("F16 builders emit non-canonical (warning) forms for values their types allow or JS passes (§15: builders emit the canonical form)");
console.log("caption '':", JSON.stringify(msg.to(n).image({ link: "https://x.com/a.jpg" }, { caption: "" }).build().image), validate(msg.to(n).image({ link: "https://x.com/a.jpg" }, { caption: "" }).build()).map((i) => `${i.severity} ${i.path}`));
console.log("to as number:", JSON.stringify(msg.to(16505551234).text("a").build().to), validate(msg.to(16505551234).text("a").build()).map((i) => `${i.severity} ${i.path}`));
