/** `T` without `readonly`, for assembling a payload before it is frozen. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
