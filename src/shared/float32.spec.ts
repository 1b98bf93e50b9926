import { shortestFloat32 } from "./float32";

describe("shortestFloat32", () => {
  test("prints a real as PostgreSQL does: 2/3 is 0.6666667, not 0.6666666865348816", () => {
    expect(shortestFloat32(Math.fround(2 / 3))).toBe(0.6666667);
    expect(shortestFloat32(Math.fround(0.1))).toBe(0.1);
    expect(shortestFloat32(Math.fround(0.0607927))).toBe(0.0607927);
    expect(shortestFloat32(0)).toBe(0);
    expect(shortestFloat32(1)).toBe(1);
  });

  test("is the same float32 and keeps the order of distinct values", () => {
    let previous = -1;
    for (let i = 0; i < 2000; i += 1) {
      const value = Math.fround(i / 1999 + i * 1e-7);
      const shown = shortestFloat32(value);
      expect(Math.fround(shown)).toBe(value);
      expect(shown).toBeGreaterThan(previous);
      previous = shown;
    }
  });
});
