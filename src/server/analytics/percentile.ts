/**
 * The p-th percentile (0–100) by linear interpolation between the closest ranks, as numpy's default,
 * Excel's PERCENTILE.INC and PostgreSQL's percentile_cont compute it: the median of 10, 20, 30, 40 is
 * 25, its 90th percentile 37. Null when there are no values.
 *
 * It reorders `values` instead of sorting them: a 90-day report takes percentiles of over a million
 * measurements, and finding two ranks is linear where sorting is not.
 */
export function percentile(values: Float64Array, p: number): number | null {
  if (values.length === 0) return null;
  const rank = (p / 100) * (values.length - 1);
  const below = Math.floor(rank);
  placeRank(values, below);
  const lower = values[below]!;
  if (rank === below) return lower;
  // Everything after `below` is now at least as large, so the next rank is the least of them.
  let upper = values[below + 1]!;
  for (let i = below + 2; i < values.length; i++) if (values[i]! < upper) upper = values[i]!;
  return lower + (upper - lower) * (rank - below);
}

/** Quickselect: puts the value of rank k at index k, no larger ones before it and no smaller ones after. */
function placeRank(values: Float64Array, k: number): void {
  let low = 0;
  let high = values.length - 1;
  while (high > low) {
    const pivot = medianOfThree(values[low]!, values[(low + high) >>> 1]!, values[high]!);
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) high = j;
    else if (k >= i) low = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}
