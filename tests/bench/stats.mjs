/** Small numeric helpers for the bench's figures. */

/** The p-th percentile (nearest rank) of `values`, or null when there are none. */
export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 50);

/** Milliseconds to one decimal (sub-millisecond detail is noise here); null stays null. */
export const ms = (value) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);

/** A figure that could not be measured, with the reason printed beside it. */
export class Unmeasured extends Error {}
