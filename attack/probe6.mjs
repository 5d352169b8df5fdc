import { B, createMsg, n } from "./h.mjs";
const { text, msg } = B;
const r = createMsg({ text }).to(n);
const b = r.text("hi");
console.log("frozen addressing (createMsg)?", Object.isFrozen(r.addressing));
r.addressing.to = "+442071234567"; r.addressing.group = true;
console.log("builder made before mutation now builds:", JSON.stringify(b.build()));
const r2 = msg.to(n);
console.log("msg.to addressing frozen?", r2.addressing && Object.isFrozen(r2.addressing), Object.isFrozen(r2));
const b2 = r2.text("hi");
try { r2.addressing.to = "+442071234567"; } catch (e) { console.log("msg.to mutation threw", e.message); }
console.log(JSON.stringify(b2.build()));
try { msg.toUser("US.1", null) } catch (e) { console.log("msg.toUser null:", e.constructor.name, e.message); }
for (const N of [5e4, 1e5, 2e5]) { const k = {}; for (let i = 0; i < N; i++) k["k" + i] = text; const t0 = Date.now(); createMsg(k); console.log(N, Date.now() - t0, "ms"); }
