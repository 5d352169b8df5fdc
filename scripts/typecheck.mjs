// `pnpm typecheck`: builds the packages (type tests read the built .d.ts, as users do),
// then type-checks sources and type tests with TypeScript 5.9 and TypeScript 7.
import { run, typecheck } from "./lib.mjs";

if (!process.argv.includes("--no-build") && run("pnpm", ["-s", "build"]).code !== 0) process.exit(1);
const { passed, failed } = typecheck();
console.log(`typecheck: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
