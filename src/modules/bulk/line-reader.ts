// Splits a byte stream into lines as it arrives, holding at most one line in memory.
// node:readline would do it too, but it buffers a line of any length; this one drops a
// line past `maxBytes` (reporting it as too long) instead of buffering it. Lines come a
// chunk's worth at a time (one await per chunk, not per line), and empty lines can be
// skipped as they are scanned: a file of blank lines or junk goes at the speed of the scan.

export interface RawLine {
  /** 1-based line number in the input. */
  number: number;
  /** The line's text (UTF-8, without its line break); null when it was longer than maxBytes. */
  text: string | null;
  /** Bytes of input consumed up to the end of this line (for progress). */
  offset: number;
}

export interface ReadOptions {
  /** Leave out lines with nothing on them (no bytes, or a lone carriage return); their numbers still count. */
  skipEmpty?: boolean;
}

/** The lines of `input`, in arrays of those each chunk completes. */
export async function* readLineBatches(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes: number,
  options: ReadOptions = {},
): AsyncGenerator<RawLine[]> {
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
  /** Ends the current line; null when it is empty and empty lines are skipped. */
  const finish = (): RawLine | null => {
    number += 1;
    const empty = !tooLong && (size === 0 || (size === 1 && parts[0]?.[0] === 13));
    let line: RawLine | null = null;
    if (!(empty && options.skipEmpty)) {
      let text: string | null = null;
      if (!tooLong) {
        // A line break is one byte (0x0A) that never occurs inside a multi-byte UTF-8
        // sequence, so decoding whole lines never splits a character.
        text = (parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)).toString("utf8");
        if (text.endsWith("\r")) text = text.slice(0, -1);
        if (number === 1 && text.startsWith("\uFEFF")) text = text.slice(1);
      }
      line = { number, text, offset };
    }
    parts = [];
    size = 0;
    tooLong = false;
    return line;
  };

  /**
   * Past a run of empty lines ("\n" or "\r\n") from `start`, when no line is under way:
   * counted without being cut out one by one (50 MB of blank lines took 4 s that way).
   */
  const skipEmptyLines = (buffer: Buffer, start: number): number => {
    if (!options.skipEmpty || size > 0 || tooLong) return start;
    let at = start;
    for (;;) {
      if (buffer[at] === 10) at += 1;
      else if (buffer[at] === 13 && buffer[at + 1] === 10) at += 2;
      else break;
      number += 1;
    }
    offset += at - start;
    return at;
  };

  for await (const chunk of input) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    const lines: RawLine[] = [];
    let start = skipEmptyLines(buffer, 0);
    for (let end = buffer.indexOf(10, start); end !== -1; end = buffer.indexOf(10, start)) {
      add(buffer.subarray(start, end));
      offset += end - start + 1;
      start = end + 1;
      const line = finish();
      if (line) lines.push(line);
      start = skipEmptyLines(buffer, start);
    }
    add(buffer.subarray(start));
    offset += buffer.length - start;
    if (lines.length > 0) yield lines;
  }
  if (size > 0 || tooLong) {
    const line = finish();
    if (line) yield [line];
  }
}

/** The lines of `input`, one at a time. */
export async function* readLines(
  input: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxBytes: number,
  options: ReadOptions = {},
): AsyncGenerator<RawLine> {
  for await (const lines of readLineBatches(input, maxBytes, options)) yield* lines;
}
