// Deterministic pseudo-random numbers for the interop harness. A session is a
// pure function of its seed: the same seed gives the same script on every
// machine and Node version (no Math.random, no time). The generator is
// sfc32 seeded through splitmix32, which is small, fast and well distributed.

const u32 = (x) => x >>> 0;

function splitmix32(state) {
  let s = state;
  return () => {
    s = u32(s + 0x9e3779b9);
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return u32(z ^ (z >>> 16));
  };
}

/** A seeded random source with the helpers the generator needs. */
export class Prng {
  /** @param {number} seed any integer; only its low 32 bits matter. */
  constructor(seed) {
    const init = splitmix32(u32(seed));
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  next() {
    const t = u32(u32(this.a + this.b) + this.d);
    this.d = u32(this.d + 1);
    this.a = this.b ^ (this.b >>> 9);
    this.b = u32(this.c + (this.c << 3));
    this.c = u32((this.c << 21) | (this.c >>> 11));
    this.c = u32(this.c + t);
    return t;
  }

  /** A float in [0, 1). */
  float() {
    return this.next() / 4294967296;
  }

  /** An integer in [lo, hi] (inclusive; hi - lo < 2^32). */
  int(lo, hi) {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  /** True with probability p. */
  chance(p) {
    return this.float() < p;
  }

  /** One element of a non-empty array. */
  pick(items) {
    return items[Math.floor(this.float() * items.length)];
  }

  /** One key of `weights` ({name: weight}), chosen in proportion to its weight. */
  weighted(weights) {
    const entries = Object.entries(weights).filter(([, w]) => w > 0);
    let total = 0;
    for (const [, w] of entries) total += w;
    let r = this.float() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r < 0) return k;
    }
    return entries[entries.length - 1][0];
  }

  /** A shuffled copy of `items` (Fisher-Yates). */
  shuffle(items) {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}
