export * from "../caught-errors.js";
export type { FetchLike } from "../core.js";
export type { ResponseLike } from "../read-answer.js";
export type { RetryOptions } from "../retry.js";
export { TemplateListError, type TemplateListProblem } from "./list-error.js";
export { createTemplateManager, type TemplateManager, type TemplateManagerOptions } from "./manager.js";
export type * from "./wire.js";
