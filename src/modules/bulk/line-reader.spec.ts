import fc from "fast-check";
import { readLineBatches, readLines, type RawLine } from "./line-reader";

async function collect(chunks: (string | Buffer)[], maxBytes = 100): Promise<RawLine[]> {
  const lines: RawLine[] = [];
  for await (const line of readLines(chunks, maxBytes)) lines.push(line);
  return lines;
}

describe("readLines", () => {
  test("splits lines across chunk boundaries and numbers them, counting bytes consumed", async () => {
    const lines = await collect(['{"a":1}\n{"b"', ":2}\r\n\n", "last"]);
    expect(lines).toEqual([
      { number: 1, text: '{"a":1}', offset: 8 },
      { number: 2, text: '{"b":2}', offset: 17 },
      { number: 3, text: "", offset: 18 },
      { number: 4, text: "last", offset: 22 },
    ]);
  });

  test("decodes a multi-byte character split between chunks, and drops a leading byte order mark", async () => {
    const bytes = Buffer.from("\uFEFFPyongyang — 평양\n", "utf8");
    const lines = await collect([bytes.subarray(0, 20), bytes.subarray(20)]);
    expect(lines.map((line) => line.text)).toEqual(["Pyongyang — 평양"]);
  });

  test("a line longer than the limit comes back as null without being buffered, and the next line is intact", async () => {
    const lines = await collect(["x".repeat(60), "y".repeat(60), "\nshort\n"], 100);
    expect(lines.map((line) => [line.number, line.text])).toEqual([
      [1, null],
      [2, "short"],
    ]);
  });

  test("no input, no lines; a final line without a line break still counts", async () => {
    expect(await collect([])).toEqual([]);
    expect((await collect(["only"])).map((line) => line.text)).toEqual(["only"]);
  });
});

describe("readLineBatches skipping empty lines", () => {
  const read = async (chunks: string[], skipEmpty: boolean) => {
    const lines: RawLine[] = [];
    for await (const batch of readLineBatches(chunks, 100, { skipEmpty })) lines.push(...batch);
    return lines;
  };

  test("leaves out exactly the empty lines, with every other line's number and offset as when they are kept", async () => {
    // Runs of "\n" and "\r\n" are passed over without cutting each out: same numbers and offsets.
    const piece = fc.constantFrom("\n", "\r\n", "\r", "\n\n\n", "x", '{"a":1}', " ", "y".repeat(40));
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (pieces, cuts) => {
          const text = pieces.join("");
          const at = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const chunks = [0, ...at].map((from, index) => text.slice(from, [...at, text.length][index]));
          const all = await read(chunks, false);
          expect(await read(chunks, true)).toEqual(all.filter((line) => line.text !== ""));
        },
      ),
    );
  });

  test("a file of nothing but blank lines gives no line", async () => {
    const chunks = Array.from({ length: 50 }, () => "\n\r\n".repeat(20_000));
    expect(await read(chunks, true)).toEqual([]);
  });
});
