/**
 * A small seeded pseudo-random generator (mulberry32), so that every run of a generator
 * writes byte-for-byte the same file.
 * @param {number} seed a 32-bit integer
 * @returns {{ next(): number, int(min: number, max: number): number }} next() in [0, 1)
 */
export function prng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    /** An integer in [min, max], both included. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
  };
}
