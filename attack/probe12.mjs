import { B } from "./h.mjs";
const { validate, msg } = B;
const r = Proxy.revocable({}, {}); r.revoke();
const cases = {
  revoked: r.proxy,
  nullproto: Object.create(null),
  symbolKeys: { [Symbol("x")]: 1, messaging_product: "whatsapp" },
  getterThrows: { get messaging_product() { throw new Error("x"); } },
  toJSONthrows: { toJSON() { throw new Error("y"); } },
  toJSONreturnsSelf: (() => { const o = { toJSON() { return o; } }; return o; })(),
  toJSONinfinite: (() => { let i = 0; const mk = () => ({ toJSON() { return mk(); } }); return mk(); })(),
  boxedString: { messaging_product: "whatsapp", to: new String("16505551234"), type: "text", text: { body: new String("hi") } },
  stringWithToJSON: (() => { const s = new String("x"); s.toJSON = () => { throw 1; }; return { a: s }; })(),
  errorThrowsOnString: { get a() { throw { toString() { throw new Error("z"); } }; } },
  hugeKey: { ["x".repeat(1e6)]: 1 },
  date: new Date(),
  func: () => 1,
  bigint: 10n,
  arr: [1, 2],
  statusOnly: { status: "read" },
  markReadNaNto: { messaging_product: "whatsapp", status: "read", message_id: "w", to: NaN },
  typeConstructor: { messaging_product: "whatsapp", to: "16505551234", type: "constructor" },
  typeProto: { messaging_product: "whatsapp", to: "16505551234", type: "__proto__" },
  typeToString: { messaging_product: "whatsapp", to: "16505551234", type: "toString", toString: {} },
  interactiveTypeProto: { messaging_product: "whatsapp", to: "16505551234", type: "interactive", interactive: { type: "hasOwnProperty" } },
  templateSubTypeProto: { messaging_product: "whatsapp", to: "16505551234", type: "template", template: { name: "x", language: { code: "en" }, components: [{ type: "button", sub_type: "constructor", index: 0, parameters: [{ type: "payload", payload: "p" }] }] } },
  templateSubTypeUpper: { messaging_product: "whatsapp", to: "16505551234", type: "template", template: { name: "x", language: { code: "en" }, components: [{ type: "BUTTON", sub_type: "QUICK_REPLY", index: "0", parameters: [{ type: "PAYLOAD", payload: "p" }] }] } },
};
for (const [k, v] of Object.entries(cases)) {
  try { const is = validate(v); console.log(k, is.length, JSON.stringify(is.slice(0, 2).map(i => [i.path.slice(0, 30), i.code, i.message.slice(0, 70)]))); }
  catch (e) { console.log(k, "**THREW**", e); }
}
