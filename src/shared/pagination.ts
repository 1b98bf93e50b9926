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

/** A cursor's position as a repository compares it: the order value as text, and the id. */
export interface KeysetBound {
  value: string;
  id: string;
}

/** The Relay paging arguments of a connection field. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * A page as Relay asks for it: the rows strictly between `after` and `before` (either may
 * be absent), the first `size` of them, or the last `size` when `last` was given. A
 * `backward` page is read in reverse order from its end (`take: size + 1`, the extra row
 * telling whether there is a previous page) and turned around by toConnection.
 */
export interface PageRequest<Bound = KeysetCursor> {
  size: number;
  backward: boolean;
  after: Bound | null;
  before: Bound | null;
}

/** The page's size and whether it is read backwards (`last`); `first` with `last` is refused. */
export function pageDirection(args: PageArgs, options: PageSizeOptions): { size: number; backward: boolean } {
  if (args.first !== null && args.first !== undefined && args.last !== null && args.last !== undefined) {
    throw new BadQueryArgumentError("last", "Give `first` (with `after`) or `last` (with `before`), not both.");
  }
  const backward = args.last !== null && args.last !== undefined;
  return { size: backward ? pageSize(args.last, options, "last") : pageSize(args.first, options), backward };
}

export function pageRequest(args: PageArgs, options: PageSizeOptions): PageRequest {
  return {
    ...pageDirection(args, options),
    after: args.after ? decodeCursor(args.after, "after") : null,
    before: args.before ? decodeCursor(args.before, "before") : null,
  };
}

/** The same request with its bounds turned into what a repository compares (`null` stays null). */
export function mapBounds<A, B>(request: PageRequest<A>, map: (bound: A, argument: string) => B): PageRequest<B> {
  return {
    ...request,
    after: request.after === null ? null : map(request.after, "after"),
    before: request.before === null ? null : map(request.before, "before"),
  };
}

/**
 * The page in the rows a page request read (`take: size + 1`, in reverse order for a
 * backward page), in the list's order: the extra row tells whether there is a next page
 * (forward) or a previous one (backward); the other side has a page when the request was
 * bounded on it.
 */
export function pageWindow<T>(
  rows: T[],
  request: Pick<PageRequest<unknown>, "size" | "backward" | "after" | "before">,
): { page: T[]; hasNextPage: boolean; hasPreviousPage: boolean } {
  const { size, backward } = request;
  const more = rows.length > size;
  return {
    page: backward ? rows.slice(0, size).reverse() : rows.slice(0, size),
    hasNextPage: backward ? request.before !== null : more,
    hasPreviousPage: backward ? more : request.after !== null,
  };
}

/**
 * Builds a connection from the rows a page request read (`take: size + 1`, in reverse
 * order for a backward page): the extra row tells whether there is a next page (forward)
 * or a previous one (backward); the other side has a page when the request was bounded
 * on it.
 */
export function toConnection<T>(
  rows: T[],
  request: Pick<PageRequest<unknown>, "size" | "backward" | "after" | "before">,
  cursorOf: (row: T) => KeysetCursor,
  totalCount: () => Promise<number>,
): Connection<T> {
  const { page, hasNextPage, hasPreviousPage } = pageWindow(rows, request);
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
      hasNextPage,
      hasPreviousPage,
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
