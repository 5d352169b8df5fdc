import type { Writable } from "type-fest";

/** `T` without `readonly`, for assembling a payload before it is frozen (type-fest's `Writable`). */
export type Mutable<T> = Writable<T>;
