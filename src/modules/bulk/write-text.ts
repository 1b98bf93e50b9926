// Writing NDJSON to a stream with back-pressure: wait for `drain` when its buffer is full,
// and fail (rather than wait forever) when it errors or closes meanwhile.
import type { Writable } from "node:stream";

/** Writes `text`; when the stream's buffer is past `bufferLimit` bytes, waits until it drains. */
export async function writeText(out: Writable, text: string, bufferLimit = 0): Promise<void> {
  if (out.destroyed) throw new Error("the output was closed");
  if (out.write(text) || out.writableLength <= bufferLimit) return;
  await new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      out.off("drain", onDrain);
      out.off("error", onError);
      out.off("close", onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => settle();
    const onError = (error: Error) => settle(error);
    const onClose = () => settle(new Error("the output was closed"));
    out.on("drain", onDrain);
    out.on("error", onError);
    out.on("close", onClose);
  });
}

/** Text written in pieces, sent in larger ones (see coalescingWriter). */
export interface CoalescingWriter {
  /** Adds `text`; returns a promise when it sent (and maybe waited for `drain`), else nothing. */
  write(text: string): Promise<void> | void;
  /** Sends what is pending. */
  flush(): Promise<void>;
}

/**
 * Gathers many small writes (one report line per input line) into pieces of up to
 * `pieceBytes`, sent when a piece is full or once the current turn of the event loop is
 * over: a stream of a million short lines is a few hundred writes, not a million, while a
 * slow import's lines still go out as they come.
 */
export function coalescingWriter(out: Writable, bufferLimit: number, pieceBytes = 64 * 1024): CoalescingWriter {
  let pending = "";
  let scheduled = false;
  const flush = async () => {
    if (pending === "") return;
    const text = pending;
    pending = "";
    await writeText(out, text, bufferLimit);
  };
  return {
    write(text) {
      pending += text;
      if (pending.length >= pieceBytes) return flush();
      if (!scheduled) {
        scheduled = true;
        // An error here (the client went away) shows again at the next write or flush.
        setImmediate(() => {
          scheduled = false;
          flush().catch(() => undefined);
        });
      }
      return undefined;
    },
    flush,
  };
}
