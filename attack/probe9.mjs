import { B } from "./h.mjs";
const head = '{"messaging_product":"whatsapp","to":"16505551234","type":"interactive","interactive":{"type":"flow","body":{"text":"b"},"action":{"name":"flow","parameters":{"flow_message_version":"3","flow_cta":"Go","flow_id":"1","flow_action_payload":{"data":';
const chain = (d) => '{"v":'.repeat(d) + '1' + '}'.repeat(d);
for (const d of [10, 1000]) { const body = JSON.parse(head + "[" + chain(d) + "]" + '}}}}}'); console.log(d, JSON.stringify(B.validate(body)).slice(0, 400)); }
const body = JSON.parse(head + '{"a":' + chain(1000) + "}" + '}}}}}');
console.log("obj data depth 1000", JSON.stringify(B.validate(body)), JSON.stringify(body).length);
