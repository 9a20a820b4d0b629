/**
 * The p-th percentile (0–100) by linear interpolation between the closest ranks, as numpy's default,
 * Excel's PERCENTILE.INC and PostgreSQL's percentile_cont compute it: the median of 10, 20, 30, 40 is
 * 25, its 90th percentile 37. `sorted` must be in ascending order; null when it is empty.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

/** Ascending copy as a typed array: a numeric sort without a comparator call per pair. */
export function sortedValues(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}
