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
