// Page sizes, opaque keyset cursors and the Relay connection shape.
import { BadQueryArgumentError } from "./errors";

export const MAX_PAGE_SIZE = 100;

export interface PageSizeOptions {
  defaultSize: number;
  max?: number;
}

/** Validates `first`; a value over the cap is an error, not a silent truncation. */
export function pageSize(first: number | null | undefined, options: PageSizeOptions, argument = "first"): number {
  const max = options.max ?? MAX_PAGE_SIZE;
  if (first === null || first === undefined) return options.defaultSize;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadQueryArgumentError(argument, `\`${argument}\` must be between 1 and ${max}, got ${first}.`);
  }
  return first;
}

export function pageOffset(offset: number | null | undefined): number {
  if (offset === null || offset === undefined) return 0;
  if (!Number.isInteger(offset) || offset < 0 || offset > 100_000) {
    throw new BadQueryArgumentError("offset", `\`offset\` must be between 0 and 100000, got ${offset}.`);
  }
  return offset;
}

/** Page of a nested list: `first` and `offset`, validated. */
export interface OffsetPage {
  take: number;
  skip: number;
}

export function offsetPage(args: { first?: number | null; offset?: number | null }, defaultSize = 50): OffsetPage {
  return { take: pageSize(args.first, { defaultSize }), skip: pageOffset(args.offset) };
}

/** A keyset position: the sort value of the last row seen and its id (the tie-breaker). */
export interface KeysetCursor {
  value: string | number | null;
  id: string;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id]), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, argument = "after"): KeysetCursor {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [value, id] = parsed as unknown[];
      if ((typeof value === "string" || typeof value === "number" || value === null) && typeof id === "string") {
        return { value, id };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw new BadQueryArgumentError(argument, `\`${argument}\` is not a cursor returned by this API.`);
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only when a client asks for totalCount. */
  totalCount: () => Promise<number>;
}

/**
 * Builds a connection from rows fetched with `take: size + 1` (the extra row tells
 * whether there is a next page).
 */
export function toConnection<T>(
  rows: T[],
  size: number,
  hasPrevious: boolean,
  cursorOf: (row: T) => KeysetCursor,
  totalCount: () => Promise<number>,
): Connection<T> {
  const page = rows.slice(0, size);
  // Cursors are made when a query asks for edges or page bounds: a dashboard reading
  // `nodes` alone makes none.
  let edges: Edge<T>[] | undefined;
  const edgesOf = () => (edges ??= page.map((node) => ({ cursor: encodeCursor(cursorOf(node)), node })));
  return {
    get edges() {
      return edgesOf();
    },
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      get startCursor() {
        return edgesOf()[0]?.cursor ?? null;
      },
      get endCursor() {
        return edgesOf().at(-1)?.cursor ?? null;
      },
    },
    totalCount,
  };
}
