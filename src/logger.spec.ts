import { Writable } from "node:stream";
import pino from "pino";
import { serializeError } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ serializers: { err: serializeError, error: serializeError } }, stream);
  return { logger, text: () => lines.join("") };
}

describe("serializeError", () => {
  test("keeps an error's message, type and code, and leaves out the pg client it carries", () => {
    const error = Object.assign(new Error("terminating connection due to administrator command"), {
      code: "57P01",
      client: { secretKey: 271828, connectionParameters: { password: "hunter2" } },
    });
    const { logger, text } = capture();
    logger.error({ err: error }, "connection failed");
    logger.warn({ error }, "graphile-worker style");
    const output = text();
    expect(output).toContain("terminating connection due to administrator command");
    expect(output).toContain("57P01");
    expect(output).not.toContain("secretKey");
    expect(output).not.toContain("hunter2");
    expect(output).not.toContain('"client"');
  });
});
