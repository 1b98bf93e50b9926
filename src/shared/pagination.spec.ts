import { BadQueryArgumentError } from "./errors";
import {
  decodeCursor,
  encodeCursor,
  MAX_PAGE_SIZE,
  offsetPage,
  pageOffset,
  pageRequest,
  pageSize,
  toConnection,
  type KeysetCursor,
} from "./pagination";

function caught(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("pageSize", () => {
  it("uses the default size when first is null or undefined", () => {
    expect(pageSize(null, { defaultSize: 20 })).toBe(20);
    expect(pageSize(undefined, { defaultSize: 20 })).toBe(20);
  });

  it("accepts 1 and the cap", () => {
    expect(pageSize(1, { defaultSize: 20 })).toBe(1);
    expect(pageSize(MAX_PAGE_SIZE, { defaultSize: 20 })).toBe(100);
    expect(pageSize(5, { defaultSize: 2, max: 5 })).toBe(5);
  });

  it.each([0, -1, 101, 2.5, Number.NaN])("rejects first = %p naming the argument", (first) => {
    const error = caught(() => pageSize(first, { defaultSize: 20 }, "last"));
    expect(error).toBeInstanceOf(BadQueryArgumentError);
    expect((error as BadQueryArgumentError).argument).toBe("last");
  });

  it("rejects a value over a custom cap with a message stating the range", () => {
    expect(() => pageSize(6, { defaultSize: 2, max: 5 })).toThrow("`first` must be between 1 and 5, got 6.");
  });
});

describe("pageOffset", () => {
  it("defaults to 0 and accepts 0 to 100000", () => {
    expect(pageOffset(undefined)).toBe(0);
    expect(pageOffset(null)).toBe(0);
    expect(pageOffset(0)).toBe(0);
    expect(pageOffset(100_000)).toBe(100_000);
  });

  it.each([-1, 100_001, 1.5])("rejects offset = %p", (offset) => {
    const error = caught(() => pageOffset(offset));
    expect(error).toBeInstanceOf(BadQueryArgumentError);
    expect((error as BadQueryArgumentError).argument).toBe("offset");
  });
});

describe("offsetPage", () => {
  it("turns first and offset into take and skip", () => {
    expect(offsetPage({ first: 10, offset: 30 })).toEqual({ take: 10, skip: 30 });
  });

  it("falls back to the given default size and a zero offset", () => {
    expect(offsetPage({})).toEqual({ take: 50, skip: 0 });
    expect(offsetPage({ first: null, offset: null }, 7)).toEqual({ take: 7, skip: 0 });
  });

  it("rejects an out-of-range first", () => {
    expect(() => offsetPage({ first: 0 })).toThrow(BadQueryArgumentError);
  });
});

describe("encodeCursor / decodeCursor", () => {
  it.each([
    { value: "2024-01-02T03:04:05.000Z", id: "a1" },
    { value: 42, id: "b2" },
    { value: null, id: "c3" },
  ])("round-trips %p", (cursor) => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded)).toEqual(cursor);
  });

  const encode = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

  it.each([
    ["garbage", "!!!not-a-cursor!!!"],
    ["an empty string", ""],
    ["base64 of non-JSON", Buffer.from("hello", "utf8").toString("base64url")],
    ["an object", encode({ value: 1, id: "x" })],
    ["a one-element array", encode(["x"])],
    ["a three-element array", encode([1, "x", "y"])],
    ["a non-string id", encode([1, 2])],
    ["a boolean value", encode([true, "x"])],
  ])("rejects %s with BadQueryArgumentError naming the argument", (_label, cursor) => {
    const error = caught(() => decodeCursor(cursor, "before"));
    expect(error).toBeInstanceOf(BadQueryArgumentError);
    expect((error as BadQueryArgumentError).argument).toBe("before");
    expect((error as Error).message).toBe("`before` is not a cursor returned by this API.");
  });

  it("names `after` by default", () => {
    expect((caught(() => decodeCursor("garbage")) as BadQueryArgumentError).argument).toBe("after");
  });
});

describe("toConnection", () => {
  const cursorOf = (row: { id: string; n: number }) => ({ value: row.n, id: row.id });
  const forward = (size: number, after: KeysetCursor | null = null) => ({ size, backward: false, after, before: null });
  const rows = [
    { id: "a", n: 1 },
    { id: "b", n: 2 },
    { id: "c", n: 3 },
  ];

  it("reports a next page and drops the extra row when more rows than the size came back", () => {
    const connection = toConnection(rows, forward(2), cursorOf, () => Promise.resolve(3));
    expect(connection.nodes).toEqual([rows[0], rows[1]]);
    expect(connection.edges).toEqual([
      { cursor: encodeCursor({ value: 1, id: "a" }), node: rows[0] },
      { cursor: encodeCursor({ value: 2, id: "b" }), node: rows[1] },
    ]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor({ value: 1, id: "a" }),
      endCursor: encodeCursor({ value: 2, id: "b" }),
    });
  });

  it("reports no next page when the rows fit in the size", () => {
    const connection = toConnection(rows, forward(3, { value: 0, id: "z" }), cursorOf, () => Promise.resolve(3));
    expect(connection.nodes).toHaveLength(3);
    expect(connection.pageInfo.hasNextPage).toBe(false);
    expect(connection.pageInfo.hasPreviousPage).toBe(true);
    expect(decodeCursor(connection.pageInfo.endCursor ?? "")).toEqual({ value: 3, id: "c" });
  });

  it("has null cursors for an empty page", () => {
    const connection = toConnection([], forward(10), cursorOf, () => Promise.resolve(0));
    expect(connection.edges).toEqual([]);
    expect(connection.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });

  it("calls the totalCount thunk only when totalCount is read", async () => {
    const count = jest.fn(() => Promise.resolve(17));
    const connection = toConnection(rows, forward(2), cursorOf, count);
    expect(count).not.toHaveBeenCalled();
    await expect(connection.totalCount()).resolves.toBe(17);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it("turns a backward page around: the extra row means a previous page, a `before` bound a next one", () => {
    // Read in reverse from the end: c, b, then a as the extra row.
    const reversed = [rows[2], rows[1], rows[0]].filter((row) => row !== undefined);
    const connection = toConnection(
      reversed,
      { size: 2, backward: true, after: null, before: { value: 4, id: "d" } },
      cursorOf,
      () => Promise.resolve(4),
    );
    expect(connection.nodes).toEqual([rows[1], rows[2]]);
    expect(connection.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: true });
    expect(decodeCursor(connection.pageInfo.startCursor ?? "")).toEqual({ value: 2, id: "b" });
    const last = toConnection(
      reversed.slice(0, 2),
      { size: 2, backward: true, after: null, before: null },
      cursorOf,
      () => Promise.resolve(2),
    );
    expect(last.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: false });
  });
});

describe("pageRequest", () => {
  it("reads `last` backwards, and refuses `first` with `last`", () => {
    expect(pageRequest({ last: 5 }, { defaultSize: 20 })).toEqual({
      size: 5,
      backward: true,
      after: null,
      before: null,
    });
    expect(pageRequest({}, { defaultSize: 20 })).toMatchObject({ size: 20, backward: false });
    expect(() => pageRequest({ first: 1, last: 1 }, { defaultSize: 20 })).toThrow(/not both/);
    expect(() => pageRequest({ last: 0 }, { defaultSize: 20 })).toThrow(/`last` must be between 1 and 100/);
    expect(() => pageRequest({ before: "junk" }, { defaultSize: 20 })).toThrow(/`before` is not a cursor/);
  });
});
