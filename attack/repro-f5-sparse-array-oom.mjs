// F5: validate() on a sparse array with a huge length, or a Buffer, is unbounded in time and memory.
// Run with a small heap so the machine is spared: node --max-old-space-size=512 attack/repro-f5-sparse-array-oom.mjs
// Expected: an issue ("text.body: expected a string, got array"), quickly, as JSON.stringify's RangeError would be caught.
// Actual: the Buffer case takes seconds and hundreds of MB; the sparse case aborts the process (FATAL ERROR: heap out of memory).
import { validate } from "../packages/builder/dist/esm/index.js";
const base = (text) => ({ messaging_product: "whatsapp", to: "16505551234", type: "text", text });
let t0 = performance.now();
console.log("Buffer(2e6):", validate(base({ body: "a", x: Buffer.alloc(2e6) })).length, "issue(s) in", (performance.now() - t0).toFixed(0), "ms, heap", (process.memoryUsage().heapUsed / 1e6) | 0, "MB");
const sparse = [];
sparse.length = 4e9;
t0 = performance.now();
console.log("sparse length 4e9 ...");
console.log(validate(base({ body: sparse })));
console.log("done in", (performance.now() - t0).toFixed(0), "ms");
