// Bounds how much of the database one client holds, and stops a request past its deadline
// from starting more SQL. Each request's services and loaders get a gated view of the
// Prisma client: every operation on it (a query, a raw statement, a transaction) first
// takes one of its client's slots, at most `perClient` at once, and gives it back when it
// settles. Outside a transaction a Prisma operation holds one pooled connection while it
// runs and a transaction holds one for its whole length, so a client's slots bound the
// connections it holds: one client's expensive reads cannot starve another's writes.
//
// Passed explicitly rather than carried by AsyncLocalStorage: on Node 20 that puts a hook
// on every promise, which cost about a fifth of the server's CPU on the dashboard list.
import type { PrismaClient } from "./prisma";
import { DeadlineExceededError, PoolBusyError } from "../shared/errors";

/** One request, as the gate sees it. */
export interface RequestScope {
  /** The client charged for the request's database work: `key:<id>` or `ip:<address>`. */
  client: string;
  /** Epoch milliseconds after which no further SQL may start. */
  deadline: number;
  /** The operation's time budget, for the error message. */
  timeoutMs: number;
}

/** Throws DeadlineExceededError once the request's deadline has passed. */
export function checkDeadline(scope: RequestScope): void {
  if (Date.now() > scope.deadline) throw new DeadlineExceededError(scope.timeoutMs);
}

/** A counting semaphore with a FIFO queue and per-waiter timeouts. */
class Slots {
  private used = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly capacity: number) {}

  get idle(): boolean {
    return this.used === 0 && this.waiters.length === 0;
  }

  acquire(timeoutMs: number, timeoutError: () => Error): Promise<void> {
    if (this.used < this.capacity) {
      this.used += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => {
          const index = this.waiters.indexOf(grant);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(timeoutError());
        },
        Math.max(0, timeoutMs),
      );
      this.waiters.push(grant);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    // A waiter inherits the slot; otherwise it is free again.
    if (next) next();
    else this.used -= 1;
  }
}

export interface ClientGateOptions {
  /** Operations one client may have on the database at once. */
  perClient: number;
  /** How long an operation waits for one of its client's slots. */
  waitMs: number;
}

/** The slots of every client of one server. */
export class ClientGate {
  private readonly clients = new Map<string, Slots>();

  constructor(private readonly options: ClientGateOptions) {}

  /** Runs `work` in one of the scope's client's slots, after checking the deadline. */
  async run<T>(scope: RequestScope, work: () => PromiseLike<T>): Promise<T> {
    checkDeadline(scope);
    let slots = this.clients.get(scope.client);
    if (!slots) {
      slots = new Slots(this.options.perClient);
      this.clients.set(scope.client, slots);
    }
    const started = Date.now();
    try {
      await slots.acquire(Math.min(this.options.waitMs, scope.deadline - started), () =>
        Date.now() >= scope.deadline
          ? new DeadlineExceededError(scope.timeoutMs)
          : new PoolBusyError(Date.now() - started, true),
      );
    } catch (error) {
      this.forget(scope.client, slots);
      throw error;
    }
    try {
      checkDeadline(scope);
      return await work();
    } finally {
      slots.release();
      this.forget(scope.client, slots);
    }
  }

  private forget(client: string, slots: Slots): void {
    if (slots.idle && this.clients.get(client) === slots) this.clients.delete(client);
  }
}

/** What SQL sent outside Prisma (db/sql.ts) needs of a gated view: its client, and its gate for this request. */
export interface GateView {
  base: PrismaClient;
  run<T>(work: () => PromiseLike<T>): Promise<T>;
}

const GATE_VIEW = Symbol("claimtrail.gateView");

/** The gate of a view made by gatedClient (undefined for a plain client). */
export function gateOf(prisma: PrismaClient): GateView | undefined {
  return (prisma as unknown as Record<symbol, GateView | undefined>)[GATE_VIEW];
}

/** The client's own operations that reach the database; model delegates are gated method by method. */
const GATED_CLIENT_METHODS = new Set([
  "$queryRaw",
  "$executeRaw",
  "$queryRawUnsafe",
  "$executeRawUnsafe",
  "$transaction",
]);

/**
 * A view of `prisma` for one request: the same API, each operation run through the gate.
 * (Operations are started when called rather than when awaited, as Prisma's lazy promises
 * would be; nothing here builds a batch `$transaction([...])` from them.)
 */
export function gatedClient(prisma: PrismaClient, gate: ClientGate, scope: RequestScope): PrismaClient {
  const delegates = new Map<string, unknown>();
  const view: GateView = { base: prisma, run: (work) => gate.run(scope, work) };
  const gated =
    (call: (...args: unknown[]) => PromiseLike<unknown>) =>
    (...args: unknown[]) =>
      gate.run(scope, () => call(...args));
  return new Proxy(prisma, {
    get(target, property, receiver) {
      if (property === GATE_VIEW) return view;
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== "string") return value;
      if (GATED_CLIENT_METHODS.has(property) && typeof value === "function") {
        return gated((...args) => (value as (...a: unknown[]) => PromiseLike<unknown>).apply(target, args));
      }
      if (property.startsWith("$") || property.startsWith("_") || typeof value !== "object" || value === null) {
        return value;
      }
      let delegate = delegates.get(property);
      if (!delegate) {
        const model = value as Record<string, unknown>;
        delegate = new Proxy(model, {
          get(modelTarget, method) {
            const member: unknown = Reflect.get(modelTarget, method);
            if (typeof member !== "function") return member;
            return gated((...args) => (member as (...a: unknown[]) => PromiseLike<unknown>).apply(modelTarget, args));
          },
        });
        delegates.set(property, delegate);
      }
      return delegate;
    },
  });
}
