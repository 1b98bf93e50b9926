import { parse } from "graphql";
import { badLiteralPath, badVariablePath } from "./string-inputs";

describe("badVariablePath", () => {
  it("names the first bad string by its path among the variables", () => {
    expect(badVariablePath({ input: { via: [{ note: "ok" }, { note: "a\u0000" }] } })).toBe("input.via.1.note");
    expect(badVariablePath({ q: "\ud800" })).toBe("q");
    expect(badVariablePath({ input: { quote: "tab\tand\nlines \ud83d\ude00", n: 1, b: null } })).toBeNull();
    expect(badVariablePath(undefined)).toBeNull();
  });

  it("walks deeply nested values without overflowing the stack", () => {
    let value: unknown = "\u0000";
    for (let depth = 0; depth < 200_000; depth += 1) value = [value];
    expect(badVariablePath({ deep: value })).toMatch(/^deep(\.0)+$/);
  });
});

describe("badLiteralPath", () => {
  it("names arguments by field, nested input fields, fragments and directives", () => {
    expect(badLiteralPath(parse(`{ searchClaims(query: "a\\u0000") { totalCount } }`))).toBe("searchClaims.query");
    expect(badLiteralPath(parse(`mutation { m(input: { list: ["ok", "\\b"] }) { id } }`))).toBe("m.input.list.1");
    expect(badLiteralPath(parse(`query { ...F } fragment F on Query { actorByName(name: "\\u0000") { id } }`))).toBe(
      "actorByName.name",
    );
    expect(badLiteralPath(parse(`{ a @include(if: true) { b @x(y: "\\u0007") } }`))).toBe("@x.y");
    expect(badLiteralPath(parse(`query ($q: String = "\\u0000") { a(q: $q) }`))).toBe("$q");
    expect(badLiteralPath(parse(`{ a(q: "fine \\n \\t") }`))).toBeNull();
  });
});
