// The date and rating conventions of the ClaimReview mapping.
import { conclusionFromRatingText, parseSchemaDate, schemaDate } from "./claim-review.mapping";

describe("schema.org dates", () => {
  test.each([
    ["2024-01-15", "2024-01-15T00:00:00.000Z"],
    ["2024-01-15T10:20", "2024-01-15T10:20:00.000Z"],
    ["2024-01-15T10:20:30Z", "2024-01-15T10:20:30.000Z"],
    ["2024-01-15T10:20:30.123456+02:00", "2024-01-15T08:20:30.123Z"],
    ["2024-01-15T10:20:30-0500", "2024-01-15T15:20:30.000Z"],
  ])("%s is read as %s (no offset means UTC)", (text, iso) => {
    expect(parseSchemaDate(text)?.toISOString()).toBe(iso);
  });

  test.each(["2024-02-30", "15/01/2024", "2024-1-5", "yesterday", "2024-01-15T25:00:00Z"])(
    "%s is not a date",
    (text) => {
      expect(parseSchemaDate(text)).toBeNull();
    },
  );

  test("a date at midnight UTC is written as a date, anything else as a date-time, and read back the same", () => {
    for (const iso of ["2024-06-21T00:00:00.000Z", "2024-06-21T00:00:00.001Z", "2024-07-02T14:05:09.250Z"]) {
      const written = schemaDate(new Date(iso));
      expect(written).toBe(iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso);
      expect(parseSchemaDate(written)?.toISOString()).toBe(iso);
    }
  });
});

test.each([
  ["False", "REFUTED"],
  ["Pants on Fire!", "REFUTED"],
  ["mostly-false", "REFUTED"],
  ["TRUE", "SUPPORTED"],
  ["Mostly true", "SUPPORTED"],
  ["Half true", "MIXED"],
  ["Missing context", "MIXED"],
])("the textual rating %s concludes %s", (rating, conclusion) => {
  expect(conclusionFromRatingText(rating)).toBe(conclusion);
});
