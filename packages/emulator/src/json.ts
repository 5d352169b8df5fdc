/** Reading request bodies the emulator did not write: any JSON, read without throwing. */
export type Json = Readonly<Record<string, unknown>>;

/** `value` when it is an object, else an empty one. */
export const object = (value: unknown): Json => (typeof value === "object" && value !== null ? (value as Json) : {});

/** `value` when it is an array, else an empty one. */
export const list = (value: unknown): readonly Json[] => (Array.isArray(value) ? (value as Json[]) : []);
