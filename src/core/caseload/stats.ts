// Small, exact statistics for the clinician's own outcomes: Wilson score intervals for shares, t intervals
// for means, and the least-squares line used for the severity adjustment.

export interface Interval {
  readonly low: number;
  readonly high: number;
}

const Z95 = 1.959964;

/** Wilson score interval (Wilson 1927; Newcombe 1998, method 3) for `successes` of `n`, 95%. */
export function wilson(successes: number, n: number): Interval {
  if (n === 0) return { low: 0, high: 1 };
  const p = successes / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Two-sided 95% Student t quantiles for 1–30 degrees of freedom; the normal value beyond. */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t95(df: number): number {
  if (df < 1) return Number.NaN;
  return T95[Math.floor(df) - 1] ?? (df < 60 ? 2.0 : df < 120 ? 1.98 : Z95);
}

export function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Sample standard deviation (n − 1). */
export function sampleSd(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((s, v) => s + (v - m) ** 2, 0) / (values.length - 1));
}

export interface Line {
  readonly intercept: number;
  readonly slope: number;
  /** Residual standard deviation (n − 2). */
  readonly residualSd: number;
  readonly meanX: number;
  /** Σ(x − x̄)². */
  readonly sxx: number;
}

/** Ordinary least squares of y on x; undefined with fewer than three points or no spread in x. */
export function leastSquares(x: readonly number[], y: readonly number[]): Line | undefined {
  const n = x.length;
  if (n < 3) return undefined;
  const mx = mean(x);
  const my = mean(y);
  const sxx = x.reduce((s, v) => s + (v - mx) ** 2, 0);
  if (sxx === 0) return undefined;
  const slope = x.reduce((s, v, i) => s + (v - mx) * (y[i]! - my), 0) / sxx;
  const intercept = my - slope * mx;
  const rss = x.reduce((s, v, i) => s + (y[i]! - intercept - slope * v) ** 2, 0);
  return { intercept, slope, residualSd: Math.sqrt(rss / (n - 2)), meanX: mx, sxx };
}
