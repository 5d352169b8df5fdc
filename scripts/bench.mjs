// `pnpm bench`: every benchmark under bench/, each printing ratios measured in one process.
import { run } from "./lib.mjs";

console.log("── build + JSON.stringify vs object literal + JSON.stringify ──");
const runtime = run("pnpm", ["-s", "exec", "tsx", "bench/runtime.ts"]);
console.log("\n── type-check cost: 1,000 builder calls vs typed literals ──");
const types = run(process.execPath, ["bench/type-cost.mjs"]);
process.exit(runtime.code || types.code);
