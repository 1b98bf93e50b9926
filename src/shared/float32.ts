// PostgreSQL's ts_rank and pg_trgm's similarity are `real` (float32). Read into a double,
// 2/3 prints as 0.6666666865348816: float32's error shown as if it were data. The API gives
// the shortest decimal that is the same float32 (0.6666667), as PostgreSQL prints a real.
// Order is kept: distinct float32 values get distinct decimals, in the same order.

/** The shortest decimal that rounds to the same float32 as `value`. */
export function shortestFloat32(value: number): number {
  const single = Math.fround(value);
  if (!Number.isFinite(single) || single === 0) return single;
  for (let digits = 1; digits < 9; digits += 1) {
    const candidate = Number(single.toPrecision(digits));
    if (Math.fround(candidate) === single) return candidate;
  }
  return Number(single.toPrecision(9));
}
