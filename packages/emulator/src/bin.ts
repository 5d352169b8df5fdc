// `npx @wacompose/emulator [options]`: the same command as `wacompose emulator`. Exit codes: 0 stopped, 2 usage.
import { runEmulatorCommand } from "./command.js";

try {
  process.exitCode = await runEmulatorCommand(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`wacompose emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
