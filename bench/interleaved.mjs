// The timing both build benches use (runtime.mjs, check-share.mjs): batches of calls, the variants
// taking turns in rotating order, many rounds, so that drift in a shared host's speed cancels out
// instead of landing on one variant. A ratio is the median over rounds of (variant / literal).
import { do_not_optimize } from "mitata";

/** Nanoseconds per build + stringify, one entry per round, for each variant. */
export function timeInterleaved(variants, { batch = 1000, rounds = 60, warmRounds = 20 } = {}) {
  const kinds = Object.keys(variants);
  const times = Object.fromEntries(kinds.map((kind) => [kind, []]));
  const timeBatch = (make) => {
    const started = performance.now();
    for (let i = 0; i < batch; i++) do_not_optimize(JSON.stringify(make()));
    return ((performance.now() - started) * 1e6) / batch;
  };
  for (let warm = 0; warm < warmRounds; warm++) for (const kind of kinds) timeBatch(variants[kind]);
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(round + k) % kinds.length];
      times[kind].push(timeBatch(variants[kind]));
    }
  }
  return times;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};

/** The median over rounds of `kind`'s time against `base`'s in the same round. */
export const sameRoundRatio = (times, kind, base = "literal") => median(times[kind].map((t, round) => t / times[base][round]));
