// `pnpm start`: builds what is out of date, then runs the demo (examples/demo.ts) with the
// arguments given. Ctrl+C goes to the demo, which stops its emulator and exits cleanly.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { buildStale } from "./build-stale.mjs";
import { root } from "./lib.mjs";

if (buildStale() !== 0) process.exit(1);
const demo = spawn(process.execPath, ["--import", "tsx", join(root, "examples/demo.ts"), ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
});
// The terminal sends Ctrl+C to the whole process group: let the demo handle it and report how it ended.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => demo.kill(signal));
demo.on("exit", (code, signal) => process.exit(code ?? (signal === "SIGINT" || signal === "SIGTERM" ? 0 : 1)));
