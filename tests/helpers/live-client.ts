// A graphql-ws subscriber for the tests and the benchmark: it records what arrives (results,
// errors, the close event) and waits, with a bound, for what a test expects.
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

export interface Received<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export interface Subscriber<T = Record<string, any>> {
  /** Results in the order they arrived. */
  results: Received<T>[];
  /** When each result arrived (Date.now()). */
  arrivals: number[];
  /** The operation's error (an `error` message's errors, or the close event that ended it). */
  error: unknown;
  completed: boolean;
  /** The close event of the connection, once it closed. */
  closed: { code: number; reason: string } | null;
  /** Resolves once `count` results have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<Received<T>[]>;
  /** Resolves once the operation ended with an error or completed (rejects after `timeoutMs`). */
  ended(timeoutMs?: number): Promise<void>;
  /** Resolves once the connection closed. */
  waitClosed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  /** Resolves once the connection is acknowledged. */
  connected: Promise<void>;
  dispose(): Promise<void>;
}

export interface SubscribeOptions {
  key?: string | null;
  variables?: Record<string, unknown>;
  /** The `connection_init` payload (default: the key's authorization, or none). */
  connectionParams?: Record<string, unknown>;
}

/** ws://host:port/graphql for an http(s) origin or URL. */
export function wsUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.pathname = "/graphql";
  return url.href;
}

async function until(check: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Opens a connection to `url` (http or ws) and starts one subscription on it. */
export function subscribe<T = Record<string, any>>(
  url: string,
  query: string,
  options: SubscribeOptions = {},
): Subscriber<T> {
  let acknowledged!: () => void;
  const connected = new Promise<void>((resolve) => (acknowledged = resolve));
  const subscriber: Subscriber<T> = {
    results: [],
    arrivals: [],
    error: undefined,
    completed: false,
    closed: null,
    connected,
    async waitFor(count, timeoutMs = 5_000) {
      await until(
        () => subscriber.results.length >= count || subscriber.error !== undefined,
        timeoutMs,
        () =>
          `${count} results (got ${subscriber.results.length}: ${JSON.stringify(subscriber.results).slice(0, 500)})`,
      );
      if (subscriber.results.length < count) {
        throw new Error(`the subscription ended with ${JSON.stringify(describe(subscriber.error))}`);
      }
      return subscriber.results;
    },
    async ended(timeoutMs = 5_000) {
      await until(
        () => subscriber.completed || subscriber.error !== undefined,
        timeoutMs,
        () => "the end",
      );
    },
    async waitClosed(timeoutMs = 5_000) {
      await until(
        () => subscriber.closed !== null,
        timeoutMs,
        () => "the connection to close",
      );
      return subscriber.closed!;
    },
    async dispose() {
      unsubscribe();
      await client.dispose();
    },
  };
  const client: Client = createClient({
    url: wsUrl(url),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: options.connectionParams ?? (options.key ? { authorization: `Bearer ${options.key}` } : {}),
    on: {
      connected: () => acknowledged(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string | Buffer };
        subscriber.closed = { code, reason: String(reason) };
      },
    },
    onNonLazyError: () => undefined,
  });
  const unsubscribe = client.subscribe<T>(
    { query, variables: options.variables },
    {
      next: (result) => {
        subscriber.arrivals.push(Date.now());
        subscriber.results.push(result as Received<T>);
      },
      error: (error) => (subscriber.error = error ?? "error"),
      complete: () => (subscriber.completed = true),
    },
  );
  return subscriber;
}

/** An error or close event, as a test can read it. */
export function describe(error: unknown): unknown {
  if (Array.isArray(error)) return error;
  if (error && typeof error === "object" && "code" in error) {
    const { code, reason } = error as { code: number; reason: unknown };
    return { code, reason: String(reason) };
  }
  return error instanceof Error ? error.message : error;
}

/** The codes of an `error` message's errors. */
export function errorCodes(error: unknown): string[] {
  return Array.isArray(error)
    ? (error as { extensions?: { code?: string } }[]).map((entry) => entry.extensions?.code ?? "")
    : [];
}
