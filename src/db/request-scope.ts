// The scope of one API request as the database layer sees it: whose request it is (for the
// per-client share of the pool) and when its deadline passes. Carried by AsyncLocalStorage,
// so every query the request makes, however deep in a service or loader, is checked
// without threading it through every call.
import { AsyncLocalStorage } from "node:async_hooks";
import { DeadlineExceededError } from "../shared/errors";

export interface RequestScope {
  /**
   * The client charged for the request's connections (`key:<id>` or `ip:<address>`); null
   * until the request is authenticated: the key lookup itself is not gated.
   */
  client: string | null;
  /** Epoch milliseconds after which no further SQL may start. */
  deadline: number;
  /** The operation's time budget, for the error message. */
  timeoutMs: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Throws DeadlineExceededError once the current request's deadline has passed. */
export function checkDeadline(scope: RequestScope | undefined = storage.getStore()): void {
  if (scope && Date.now() > scope.deadline) throw new DeadlineExceededError(scope.timeoutMs);
}
