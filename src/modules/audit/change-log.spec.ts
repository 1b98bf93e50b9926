import { toJson } from "./change-log";

describe("toJson", () => {
  it("is JSON.stringify for rows with nothing to leave out", () => {
    const row = { id: "a", at: new Date("2026-12-01T00:00:00Z"), topics: ["x"], nested: { n: 1, none: undefined } };
    expect(toJson(row)).toBe(JSON.stringify(row));
  });

  it("leaves out search vectors and secrets at any depth, and writes bigints as strings", () => {
    const row = {
      id: "a",
      searchVector: "'x':1",
      hook: { secret: "s3cr3t", secretHash: "h", url: "http://127.0.0.1/" },
      rows: [{ search_vector: "v", seq: 12n }],
    };
    expect(JSON.parse(toJson(row))).toEqual({ id: "a", hook: { url: "http://127.0.0.1/" }, rows: [{ seq: "12" }] });
  });

  it("keeps text that only mentions a left-out key", () => {
    const row = { quote: 'the "secret": nothing', note: '"searchVector":' };
    expect(JSON.parse(toJson(row))).toEqual(row);
  });
});
