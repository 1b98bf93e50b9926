import { cleanName, nameKey } from "./name-key";

describe("cleanName", () => {
  it("removes zero-width and bidirectional control characters, composes, and collapses spaces", () => {
    expect(cleanName("\u202a Vladimir\u200b\u00a0 Putin\u2069\ufeff ")).toBe("Vladimir Putin");
    expect(cleanName("Jose\u0301")).toBe("Jos\u00e9");
  });

  it("leaves nothing of a name made only of invisible characters", () => {
    expect(cleanName("\u200b\u200c\u200d\u2060\u200e\u200f\u202b\u2066 ")).toBe("");
  });
});

describe("nameKey", () => {
  it("matches names that differ only by invisible characters, spacing or case", () => {
    expect(nameKey("Vladimir Putin\u200b")).toBe(nameKey("  vladimir   PUTIN"));
    expect(nameKey("\u2067Vladimir\u2069 Putin")).toBe("vladimir putin");
  });
});
