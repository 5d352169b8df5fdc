/** True when `A` and `B` are the same type (not merely assignable). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** A type assertion: `expectType<Equal<X, Y>>(true)` fails to compile when X and Y differ. */
export function expectType<T>(_value: T): void {}
