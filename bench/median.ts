/** The middle of a benchmark's samples (the upper middle of an even count); runs on a shared machine have outliers both ways. */
export const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
