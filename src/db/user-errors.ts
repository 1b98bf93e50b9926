// User errors raised in SQL by the write functions (claimtrail_user_error, in the
// migrations): SQLSTATE CTU01, the message as the error's message and {"field", "code"} as its
// detail. Turned back into the UserInputError a service would have thrown, whether pg raised
// the error directly or Prisma wrapped it (a call inside a transaction).
import { UserInputError, type UserErrorCode } from "../shared/errors";
import { layers } from "./db-errors";

export const USER_ERROR_SQLSTATE = "CTU01";

/** The UserInputError a database error carries, if it is one raised by claimtrail_user_error. */
export function userErrorOf(error: unknown): UserInputError | null {
  for (const layer of layers(error)) {
    if (layer.code !== USER_ERROR_SQLSTATE && layer.originalCode !== USER_ERROR_SQLSTATE) continue;
    if (typeof layer.detail !== "string" || typeof layer.message !== "string") continue;
    const { field, code } = JSON.parse(layer.detail) as { field: string | null; code: UserErrorCode };
    return UserInputError.single(field, layer.message, code);
  }
  return null;
}

/** Runs `work`, rethrowing a user error raised in SQL as the UserInputError it stands for. */
export async function withUserErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw userErrorOf(error) ?? error;
  }
}
