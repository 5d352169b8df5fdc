/** Counts requests per key in a sliding one-second window. */
export class Throughput {
  readonly #limit: number;
  readonly #starts = new Map<string, number[]>();

  constructor(perSecond: number) {
    this.#limit = perSecond;
  }

  /** Records a request for `key` at `now`; false when it is over the limit (then not recorded). */
  admit(key: string, now: number): boolean {
    const recent = (this.#starts.get(key) ?? []).filter((at) => now - at < 1000);
    const admitted = recent.length < this.#limit;
    if (admitted) recent.push(now);
    this.#starts.set(key, recent);
    return admitted;
  }
}

/** A small seeded generator (mulberry32), so fault injection is reproducible in tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
