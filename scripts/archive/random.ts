/**
 * Seeded randomness for the archive generator: the same seed gives the same
 * archive on every machine, so benchmark runs compare like with like.
 */

/** A pseudo-random source in [0, 1) (mulberry32). */
export type Random = () => number;

/** A seeded generator (mulberry32): small, fast, and identical everywhere. */
export function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A child generator whose stream depends only on the parent seed and `key`, not on how much the parent was used. */
export function derive(seed: number, key: number): Random {
  return seeded(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(key + 1, 0xc2b2ae35));
}

/** An integer in [min, max]. */
export const between = (rand: Random, min: number, max: number): number => min + Math.floor(rand() * (max - min + 1));

/** One item, uniformly. */
export function pick<T>(rand: Random, items: readonly T[]): T {
  const item = items[Math.floor(rand() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** True with probability `p`. */
export const chance = (rand: Random, p: number): boolean => rand() < p;

/** A log-normal sample with the given median and spread (σ of the underlying normal). */
export function logNormal(rand: Random, median: number, sigma: number): number {
  // Box–Muller; 1 - rand() keeps the logarithm finite.
  const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return median * Math.exp(sigma * z);
}

/**
 * Samples indexes 0..n-1 with probability proportional to `weights`, in
 * O(log n) a draw (cumulative sums and a binary search).
 */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i] ?? 0;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  draw(rand: Random): number {
    const target = rand() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Zipf weights 1/(rank+1)^s for n ranks: a few items common, a long tail rare. */
export function zipfWeights(n: number, s = 1): Float64Array {
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = 1 / Math.pow(i + 1, s);
  return weights;
}
