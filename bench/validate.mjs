// validate() on hostile sizes: a 100,000-row list and a 100,000-button message (both far over
// their counts, every id unique), against JSON.parse(JSON.stringify(body)) of the same body as
// a yardstick for "one pass over the body". Median of 7 runs, each in this one process.
import { validate } from "@wacompose/builder";

const envelope = { messaging_product: "whatsapp", to: "16505551234", type: "interactive" };
const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: `row-${i}`, title: `Row ${i}` }));
const buttons = Array.from({ length: 100_000 }, (_, i) => ({ type: "reply", reply: { id: `b-${i}`, title: `Button ${i}` } }));
const cases = {
  "100,000-row list": {
    ...envelope,
    interactive: { type: "list", body: { text: "Pick" }, action: { button: "Menu", sections: [{ rows }] } },
  },
  "100,000-button message": { ...envelope, interactive: { type: "button", body: { text: "Pick" }, action: { buttons } } },
};

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const time = (f) => {
  const started = performance.now();
  f();
  return performance.now() - started;
};

console.log("| body | validate() | JSON round trip | ratio | issues | goal |");
console.log("|---|---|---|---|---|---|");
for (const [name, body] of Object.entries(cases)) {
  const runs = [];
  const trips = [];
  let issues = 0;
  for (let i = 0; i < 7; i++) {
    runs.push(time(() => (issues = validate(body).length)));
    trips.push(time(() => JSON.parse(JSON.stringify(body))));
  }
  const v = median(runs);
  const t = median(trips);
  console.log(`| ${name} | ${v.toFixed(1)} ms | ${t.toFixed(1)} ms | ${(v / t).toFixed(2)}× | ${issues} | < 100 ms |`);
}
