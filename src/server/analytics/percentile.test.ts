import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile } from './percentile.js';

/** The definition, on a sorted copy: the value at rank p·(n−1), interpolated between its neighbours. */
function bySorting(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

describe('percentile', () => {
  it('interpolates between the closest ranks, as PERCENTILE.INC does', () => {
    expect(percentile(Float64Array.of(40, 10, 30, 20), 50)).toBe(25);
    expect(percentile(Float64Array.of(40, 10, 30, 20), 90)).toBe(37);
    expect(percentile(Float64Array.of(7), 90)).toBe(7);
    expect(percentile(new Float64Array(0), 50)).toBeNull();
  });

  it('agrees with sorting for any values, repeats and percentile', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 300 }), fc.integer({ min: 0, max: 100 }), (values, p) => {
        expect(percentile(Float64Array.from(values), p)).toBe(bySorting(values, p));
      }),
      { numRuns: 500 },
    );
  });
});
