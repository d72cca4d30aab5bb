/** Typed arrays the history's rings are made of. */
export type Column = Float64Array | Uint8Array | Uint16Array | Uint32Array;

/**
 * Copies `len` logical entries of a ring starting at physical index `start` into `out`, oldest
 * first: two block copies instead of an element loop (a 90-day history is ~7 million entries).
 */
export function unring<T extends Column>(ring: Column, start: number, len: number, out: T): T {
  const head = Math.min(len, ring.length - start);
  out.set(ring.subarray(start, start + head));
  if (head < len) out.set(ring.subarray(0, len - head), head);
  return out;
}
