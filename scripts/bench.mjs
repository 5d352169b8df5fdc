// `pnpm bench`: every benchmark under bench/, each printing ratios measured in one process.
import { run } from "./lib.mjs";

console.log("── build + JSON.stringify vs object literal + JSON.stringify ──");
let failed = 0;
for (const kind of ["text", "contacts"]) failed ||= run(process.execPath, ["bench/runtime.mjs", kind]).code;
console.log("\n── type-check cost: 1,000 builder calls vs typed literals ──");
const types = run(process.execPath, ["bench/type-cost.mjs"]);
process.exit(failed || types.code);
