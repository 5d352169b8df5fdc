export { type Emulator, type EmulatorOptions, type ReceivedRequest, type ScriptedAnswer, startEmulator } from "./emulator.js";
export { type GraphError, graphError } from "./graph.js";
