// Splits a byte stream into lines as it arrives, holding at most one line in memory.
// node:readline would do it too, but it buffers a line of any length; this one drops a
// line past `maxBytes` (reporting it as too long) instead of buffering it.

export interface RawLine {
  /** 1-based line number in the input. */
  number: number;
  /** The line's text (UTF-8, without its line break); null when it was longer than maxBytes. */
  text: string | null;
  /** Bytes of input consumed up to the end of this line (for progress). */
  offset: number;
}

export async function* readLines(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes: number,
): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let number = 0;
  let offset = 0;

  const add = (piece: Buffer) => {
    if (tooLong || piece.length === 0) return;
    if (size + piece.length > maxBytes) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(piece);
    size += piece.length;
  };
  const finish = (): RawLine => {
    number += 1;
    let text: string | null = null;
    if (!tooLong) {
      // A line break is one byte (0x0A) that never occurs inside a multi-byte UTF-8
      // sequence, so decoding whole lines never splits a character.
      text = Buffer.concat(parts, size).toString("utf8");
      if (text.endsWith("\r")) text = text.slice(0, -1);
      if (number === 1 && text.startsWith("\uFEFF")) text = text.slice(1);
    }
    parts = [];
    size = 0;
    tooLong = false;
    return { number, text, offset };
  };

  for await (const chunk of input) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let start = 0;
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      add(buffer.subarray(start, end));
      offset += end - start + 1;
      start = end + 1;
      yield finish();
    }
    add(buffer.subarray(start));
    offset += buffer.length - start;
  }
  if (size > 0 || tooLong) yield finish();
}
