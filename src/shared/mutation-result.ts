// The one way mutations report expected failures: a payload with `userErrors`.
import { UserInputError, type UserError } from "./errors";

export type Payload<T> = T & { userErrors: UserError[] };

/**
 * Runs a mutation; a UserInputError (thrown before or inside its transaction, so
 * nothing was written) becomes `userErrors`, anything else propagates and is masked.
 */
export async function toPayload<T extends object>(run: () => Promise<T>): Promise<Payload<Partial<T>>> {
  try {
    const result = await run();
    return { ...result, userErrors: [] };
  } catch (error) {
    if (error instanceof UserInputError) return { userErrors: error.errors } as Payload<Partial<T>>;
    throw error;
  }
}
