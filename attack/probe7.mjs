import { B, n } from "./h.mjs";
const { validate, toRequest, msg } = B;
const opts = { phoneNumberId: "123", accessToken: "t" };
function time(name, f) { const t0 = performance.now(); let r; try { r = f(); } catch (e) { r = "THROW " + e.constructor.name + ": " + e.message.slice(0, 120); } const ms = (performance.now() - t0).toFixed(0); const m = process.memoryUsage().heapUsed / 1e6 | 0; console.log(name, ms + "ms", "heap", m + "MB", typeof r === "string" ? r : Array.isArray(r) ? JSON.stringify(r.slice(0, 3).map(i => [i.path.slice(0, 60), i.code, i.message.slice(0, 80)])) + " n=" + r.length : ""); }
const base = (text) => ({ messaging_product: "whatsapp", to: "16505551234", type: "text", text });
time("10MB body", () => validate(base({ body: "a".repeat(1e7) })));
time("10MB unknown key", () => validate({ ...base({ body: "a" }), ["k".repeat(1e7)]: 1 }));
time("10MB to", () => validate({ ...base({ body: "a" }), to: "1".repeat(1e7) }));
time("10MB to +", () => validate({ ...base({ body: "a" }), to: "+" + " ".repeat(1e7) }));
time("1e6 array in text", () => validate(base({ body: "a", x: new Array(1e6).fill(0) })));
// time("1e6 unknown keys", () => { const o = base({ body: "a" }); for (let i = 0; i < 1e6; i++) o["k" + i] = 1; return validate(o); });
time("1e6 sparse array", () => { const a = []; a[1e7] = 1; return validate(base({ body: "a", x: a })); });
// time("huge sparse length 4e9", () => { const a = []; a.length = 4e9; return validate(base({ body: a })); });
time("typed array 1e7", () => validate(base({ body: "a", x: new Uint8Array(1e7) })));
for (const D of [1e3, 5e3, 2e4, 1e5]) {
  time("deep array " + D, () => { let v = []; for (let i = 0; i < D; i++) v = [v]; return validate(base({ body: "a", x: v })); });
}
time("deep JSON.parse 1e4", () => validate(JSON.parse('{"messaging_product":"whatsapp","to":"1","type":"text","text":{"body":"a","x":' + "[".repeat(1e4) + "]".repeat(1e4) + "}}")));
for (const [D, K] of [[2000, 50], [2000, 200], [4000, 200]]) {
  time(`DAG depth ${D} x ${K} refs`, () => { let v = {}; for (let i = 0; i < D; i++) v = { v }; return validate(base({ body: "a", x: new Array(K).fill(v) })); });
}
time("cycle", () => { const o = base({ body: "a" }); o.self = o; return validate(o); });
time("1e5 cycles", () => { const o = base({ body: "a" }); o.x = []; for (let i = 0; i < 1e5; i++) o.x.push(o); return validate(o); });
time("toRequest 10MB", () => toRequest(base({ body: "a".repeat(1e7) }), opts).body.length);
time("toRequest cycle", () => { const o = base({ body: "a" }); o.self = o; return toRequest(o, opts); });
time("toRequest deep 1e5", () => { let v = []; for (let i = 0; i < 1e5; i++) v = [v]; return toRequest(base({ body: "a", x: v }), opts); });
time("toRequest invalid body", () => toRequest(base({ body: "" }), opts).body);
time("toRequest builder invalid", () => toRequest(msg.to(n).text(""), opts).body);
time("toRequest builder ok", () => toRequest(msg.to(n).text("hi"), opts).body);
time("toRequest bigint", () => toRequest(base({ body: 1n }), opts));
time("toRequest undefined", () => toRequest(undefined, opts));
time("toRequest getter throws", () => toRequest({ get a() { throw new Error("x") } }, opts));
time("toRequest token with newline", () => toRequest(base({ body: "a" }), { ...opts, accessToken: "t\r\nX-Evil: 1" }).headers.Authorization);
time("toRequest baseUrl evil", () => toRequest(base({ body: "a" }), { ...opts, baseUrl: "https://graph.facebook.com\\@evil.com" }).url);
time("toRequest baseUrl backslash", () => toRequest(base({ body: "a" }), { ...opts, baseUrl: "https://evil.com\\.graph.facebook.com" }).url);
