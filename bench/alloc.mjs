// Bytes allocated per message (build + JSON.stringify). Run with --expose-gc and a large
// young generation, so no collection happens while counting: heap growth = allocation.
import { cases } from "./cases.mjs";

const iterations = 20_000;
console.log("| message | literal | wacompose | whatsapp-api-js |");
console.log("|---|---|---|---|");
for (const [name, variants] of Object.entries(cases)) {
  const bytes = {};
  for (const [kind, make] of Object.entries(variants)) {
    for (let i = 0; i < 2_000; i++) JSON.stringify(make()); // warm up
    const keep = new Array(iterations);
    globalThis.gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < iterations; i++) keep[i] = JSON.stringify(make());
    const after = process.memoryUsage().heapUsed;
    bytes[kind] = Math.round((after - before) / iterations);
  }
  console.log(`| ${name} | ${bytes.literal} B | ${bytes.wacompose} B | ${bytes.peer === undefined ? "—" : `${bytes.peer} B`} |`);
}
