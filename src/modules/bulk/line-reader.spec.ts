import { readLines, type RawLine } from "./line-reader";

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
