import { B } from "./h.mjs";
const { validate } = B;
function time(name, f) { const t0 = performance.now(); const r = f(); console.log(name, (performance.now() - t0).toFixed(0) + "ms", "issues", r.length, JSON.stringify(r.slice(0,2).map(i=>[i.path.slice(0,50), i.code]))); }
const head = '{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"flow","body":{"text":"b"},"action":{"name":"flow","parameters":{"flow_message_version":"3","flow_cta":"Go","flow_id":"1","flow_action_payload":{"data":';
const tail = '}}}}}';
const chain = (d) => '{"v":'.repeat(d) + '1' + '}'.repeat(d);
for (const [d, k] of [[1000, 100], [3000, 100], [3000, 300]]) {
  const text = head + "[" + new Array(k).fill(chain(d)).join(",") + "]" + tail;
  const body = JSON.parse(text);
  time(`JSON ${(text.length/1e6).toFixed(1)}MB depth ${d} x ${k}`, () => validate(body));
}
const keys = '{"messaging_product":"whatsapp","to":"16505551234","type":"text","text":{"body":"a"},' + Array.from({ length: 3e5 }, (_, i) => `"k${i}":1`).join(",") + "}";
time(`JSON ${(keys.length/1e6).toFixed(1)}MB 3e5 unknown root keys`, () => validate(JSON.parse(keys)));
// valid flow with moderately deep data
const ok = JSON.parse(head + chain(5000) + tail);
time("valid flow data depth 5000 (JSON.stringify ok?)", () => (JSON.stringify(ok).length, validate(ok)));
