import { z } from "zod";
import { UserInputError, type UserError } from "./errors";
import { encodeId } from "./global-id";
import {
  globalId,
  httpUrl,
  languageTag,
  optionalName,
  optionalText,
  parseInput,
  requiredName,
  requiredText,
} from "./validation";

const CLAIM_UUID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

const schema = z.object({
  text: requiredText(10),
  note: optionalText(5),
  language: languageTag,
  url: httpUrl,
  claimId: globalId("Claim"),
});

const valid = {
  text: "The claim",
  note: "note",
  language: "en",
  url: "https://example.com/a",
  claimId: encodeId("Claim", CLAIM_UUID),
};

/** The userErrors that parseInput throws for `input`. */
function errorsOf(input: unknown, base?: string): UserError[] {
  try {
    parseInput(schema, input, base);
  } catch (error) {
    expect(error).toBeInstanceOf(UserInputError);
    return (error as UserInputError).errors;
  }
  throw new Error("expected parseInput to throw");
}

const codes = (input: unknown) => errorsOf(input).map(({ field, code }) => [field, code]);

describe("parseInput", () => {
  it("returns trimmed, normalised values for a valid input", () => {
    expect(
      parseInput(schema, {
        ...valid,
        text: "  The claim  ",
        note: "  ",
        language: " pt-br ",
        url: " https://example.com/a ",
        claimId: encodeId("Claim", CLAIM_UUID.toUpperCase()),
      }),
    ).toEqual({ text: "The claim", note: null, language: "pt-BR", url: "https://example.com/a", claimId: CLAIM_UUID });
  });

  it("reports every missing required field as REQUIRED under input.<field>", () => {
    expect(codes({})).toEqual([
      ["input.text", "REQUIRED"],
      ["input.language", "REQUIRED"],
      ["input.url", "REQUIRED"],
      ["input.claimId", "REQUIRED"],
    ]);
  });

  it("reports blank required text as REQUIRED with a message naming the field", () => {
    expect(errorsOf({ ...valid, text: "   " })).toEqual([
      { field: "input.text", message: "text must not be empty", code: "REQUIRED" },
    ]);
  });

  it("reports over-long text as TOO_LONG, counting after trimming", () => {
    expect(parseInput(schema, { ...valid, text: "  0123456789  " }).text).toBe("0123456789");
    expect(errorsOf({ ...valid, text: "01234567890" })).toEqual([
      { field: "input.text", message: "text must be at most 10 characters", code: "TOO_LONG" },
    ]);
    expect(codes({ ...valid, note: "123456" })).toEqual([["input.note", "TOO_LONG"]]);
  });

  it("treats null, missing and blank optional text as null", () => {
    expect(parseInput(schema, { ...valid, note: null }).note).toBeNull();
    expect(parseInput(schema, { ...valid, note: undefined }).note).toBeNull();
    expect(parseInput(schema, { ...valid, note: " \t " }).note).toBeNull();
  });

  it("reports a wrongly typed value as INVALID", () => {
    expect(codes({ ...valid, text: 42 })).toEqual([["input.text", "INVALID"]]);
  });

  it("reports a malformed language tag as INVALID", () => {
    expect(codes({ ...valid, language: "english!" })).toEqual([["input.language", "INVALID"]]);
    expect(codes({ ...valid, language: "e" })).toEqual([["input.language", "INVALID"]]);
  });

  it.each(["ftp://example.com/a", "http://localhost/a", "example.com/a", "not a url"])(
    "reports %p as an INVALID URL",
    (url) => {
      expect(errorsOf({ ...valid, url })).toEqual([
        { field: "input.url", message: "url must be an absolute http(s) URL", code: "INVALID" },
      ]);
    },
  );

  it("reports a URL over 2048 characters as TOO_LONG", () => {
    const url = `https://example.com/${"a".repeat(2029)}`;
    expect(url).toHaveLength(2049);
    expect(codes({ ...valid, url })).toEqual([["input.url", "TOO_LONG"]]);
    expect(parseInput(schema, { ...valid, url: url.slice(0, 2048) }).url).toHaveLength(2048);
  });

  it("reports a global ID of another type as NOT_FOUND", () => {
    expect(errorsOf({ ...valid, claimId: encodeId("Actor", CLAIM_UUID) })).toEqual([
      { field: "input.claimId", message: "claimId is not the ID of a Claim", code: "NOT_FOUND" },
    ]);
  });

  it("reports a global ID that is not one of ours as NOT_FOUND", () => {
    expect(codes({ ...valid, claimId: "garbage" })).toEqual([["input.claimId", "NOT_FOUND"]]);
  });

  it.each([
    ["a NUL", "a\u0000b"],
    ["a lone high surrogate", "a\ud800"],
    ["a lone low surrogate", "\udc00a"],
    ["an escape character", "a\u001bb"],
  ])("reports %s in text as INVALID, before trimming or length checks", (_name, text) => {
    const errors = errorsOf({ ...valid, text: ` ${text}${"x".repeat(20)}` });
    expect(errors.map(({ field, code }) => [field, code])).toEqual([["input.text", "INVALID"]]);
    expect(errors[0]?.message).toMatch(/^text must not contain NUL/);
    expect(codes({ ...valid, note: text })).toEqual([["input.note", "INVALID"]]);
    expect(codes({ ...valid, url: `https://example.com/${text}` })).toEqual([["input.url", "INVALID"]]);
  });

  it("keeps tabs, line breaks, emoji and zero-width joiners in text verbatim", () => {
    expect(parseInput(schema, { ...valid, text: "a\tb\r\n\u{1F600}\u200d" }).text).toBe("a\tb\r\n\u{1F600}\u200d");
  });

  it("cleans names of invisible characters and extra spaces; a name of nothing else is empty", () => {
    const names = z.object({ name: requiredName(20), title: optionalName(20) });
    expect(parseInput(names, { name: " Vladimir\u200b  Putin\u202e", title: "\ufeff" })).toEqual({
      name: "Vladimir Putin",
      title: null,
    });
    expect(() => parseInput(names, { name: "\u200b\u2060" })).toThrow("name must not be empty");
  });

  it("reports a language tag longer than the column as TOO_LONG, alone", () => {
    expect(codes({ ...valid, language: `en-${"abcdefgh-".repeat(180)}x1` })).toEqual([["input.language", "TOO_LONG"]]);
    expect(parseInput(schema, { ...valid, language: "zh-Hant-TW" }).language).toBe("zh-Hant-TW");
  });

  it.each(["https://user:password@example.com/a", "https://user@example.com/a", "http://:pw@example.com/"])(
    "reports %p, a URL with credentials, as INVALID",
    (url) => {
      const errors = errorsOf({ ...valid, url });
      expect(errors.map(({ field, code }) => [field, code])).toEqual([["input.url", "INVALID"]]);
      expect(errors[0]?.message).toMatch(/^url must not contain credentials/);
    },
  );

  it("names nested fields from the given base", () => {
    const nested = z.object({ source: z.object({ title: requiredText(5) }) });
    try {
      parseInput(nested, { source: { title: "" } }, "ref");
      throw new Error("expected parseInput to throw");
    } catch (error) {
      expect((error as UserInputError).errors).toEqual([
        { field: "ref.source.title", message: "title must not be empty", code: "REQUIRED" },
      ]);
      expect((error as Error).message).toBe("ref.source.title: title must not be empty");
    }
  });
});
