// A pg Pool that bounds how much of itself one client holds: a request's connections are
// counted against its client (from the request scope), at most `perClient` at once, so one
// client's expensive operation cannot starve everybody else's writes. Every checkout also
// checks the request's deadline. Connections taken outside a request (start-up, the CLI,
// the webhook worker) are not gated.
import pg from "pg";
import { DeadlineExceededError, PoolBusyError } from "../shared/errors";
import { checkDeadline, currentRequestScope, type RequestScope } from "./request-scope";

type ConnectCallback = (
  error: Error | undefined,
  client: pg.PoolClient | undefined,
  done: (release?: unknown) => void,
) => void;

/** A counting semaphore with a FIFO queue and per-waiter timeouts. */
class Slots {
  private used = 0;
  private readonly waiters: { grant: () => void; fail: (error: Error) => void }[] = [];

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
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
        fail: reject,
      };
      const timer = setTimeout(
        () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(timeoutError());
        },
        Math.max(0, timeoutMs),
      );
      this.waiters.push(waiter);
    });
  }

  release(): void {
    const next = this.waiters.shift();
    // A waiter inherits the slot; otherwise it is free again.
    if (next) next.grant();
    else this.used -= 1;
  }
}

export interface GatedPoolOptions extends pg.PoolConfig {
  /** Connections one client may hold at once. */
  perClient: number;
}

export class GatedPool extends pg.Pool {
  private readonly perClient: number;
  private readonly waitMs: number;
  private readonly clients = new Map<string, Slots>();

  constructor(options: GatedPoolOptions) {
    const { perClient, ...config } = options;
    super(config);
    this.perClient = perClient;
    this.waitMs = config.connectionTimeoutMillis ?? 5_000;
  }

  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const scope = currentRequestScope();
    if (scope && !scope.client) checkDeadline(scope);
    if (!scope?.client) return callback ? super.connect(callback) : super.connect();
    const checkedOut = this.gatedConnect(scope as RequestScope & { client: string });
    if (!callback) return checkedOut;
    checkedOut.then(
      (client) => callback(undefined, client, (release?: unknown) => client.release(release as Error | undefined)),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  private async gatedConnect(scope: RequestScope & { client: string }): Promise<pg.PoolClient> {
    checkDeadline(scope);
    const client = scope.client;
    let slots = this.clients.get(client);
    if (!slots) {
      slots = new Slots(this.perClient);
      this.clients.set(client, slots);
    }
    const started = Date.now();
    const waitMs = Math.min(this.waitMs, scope.deadline - started);
    try {
      await slots.acquire(waitMs, () =>
        Date.now() >= scope.deadline
          ? new DeadlineExceededError(scope.timeoutMs)
          : new PoolBusyError(Date.now() - started, true),
      );
    } catch (error) {
      this.forget(client, slots);
      throw error;
    }
    let connection: pg.PoolClient;
    try {
      checkDeadline(scope);
      connection = await super.connect();
    } catch (error) {
      this.releaseSlot(client, slots);
      // pg-pool's own wait (connectionTimeoutMillis) ran out: the whole pool is busy.
      if (error instanceof Error && /timeout exceeded when trying to connect/.test(error.message)) {
        throw new PoolBusyError(Date.now() - started, false);
      }
      throw error;
    }
    // The slot goes back with the connection, once, whichever way the connection is released.
    const release = connection.release.bind(connection);
    let released = false;
    connection.release = (error?: Error | boolean) => {
      if (!released) {
        released = true;
        connection.release = release;
        this.releaseSlot(client, slots);
      }
      return release(error);
    };
    return connection;
  }

  private releaseSlot(client: string, slots: Slots): void {
    slots.release();
    this.forget(client, slots);
  }

  private forget(client: string, slots: Slots): void {
    if (slots.idle && this.clients.get(client) === slots) this.clients.delete(client);
  }
}
