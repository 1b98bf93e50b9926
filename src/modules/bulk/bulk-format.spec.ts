import { UserInputError, type UserError } from "../../shared/errors";
import { parseLine } from "./bulk-format";

function errorsOf(line: unknown): UserError[] {
  try {
    parseLine(typeof line === "string" ? line : JSON.stringify(line));
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as UserInputError).errors;
  }
  throw new Error("the line was accepted");
}

const statement = {
  stance: "ASSERTS",
  actor: { name: "Kim Jong Un", kind: "PERSON" },
  source: { url: "https://example.org/a", title: "A" },
  statedAt: "2024-06-19T00:00:00Z",
};

describe("parseLine", () => {
  test("gives the items as the services take them: defaults applied, dates as Dates, no claimId", () => {
    const line = parseLine(JSON.stringify({ claim: { text: " A claim " }, statements: [statement] }));
    expect(line.claim).toMatchObject({ text: "A claim", language: "en" });
    expect(line.statements[0]).toMatchObject({ stance: "ASSERTS", statedAt: new Date("2024-06-19T00:00:00Z") });
    expect(line.statements[0]).not.toHaveProperty("claimId");
    expect(line.evidence).toEqual([]);
    expect(line.verdicts).toEqual([]);
  });

  test("names every bad field with its path in the line", () => {
    const errors = errorsOf({
      claim: { text: "" },
      statements: [{ ...statement, statedAt: "yesterday", actor: { name: "X", kynd: "PERSON" } }],
      evidence: [
        { direction: "SUPPORTS", summary: "s", source: { url: "https://e.org" }, via: [{ relation: "TOLD" }] },
      ],
      verdicts: [{ reviewer: { name: "FC" }, rating: "False", reviewedAt: "2024-06-19T00:00:00Z" }],
    });
    expect(errors.map((error) => [error.field, error.code])).toEqual(
      expect.arrayContaining([
        ["claim.text", "REQUIRED"],
        ["statements.0.statedAt", "INVALID"],
        ["statements.0.actor.kynd", "INVALID"],
        ["evidence.0.via.0.actor", "REQUIRED"],
        ["verdicts.0.conclusion", "REQUIRED"],
      ]),
    );
  });

  test("refuses what is not a line of the format", () => {
    expect(errorsOf("[1, 2]")).toEqual([expect.objectContaining({ field: null, code: "INVALID" })]);
    expect(errorsOf("{oops")[0]?.message).toContain("not valid JSON");
    expect(errorsOf({ statements: [] })).toEqual([expect.objectContaining({ field: "claim", code: "REQUIRED" })]);
    expect(errorsOf({ claim: { text: "t" }, statement: [] })).toEqual([expect.objectContaining({ field: null })]);
    expect(errorsOf({ claim: { text: "t" }, statements: ["not an object"] })).toEqual([
      expect.objectContaining({ field: "statements.0", code: "INVALID" }),
    ]);
  });
});
