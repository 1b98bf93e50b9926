// Input validation for API key mutations.
import { z } from "zod";
import { globalId, requiredText } from "../../shared/validation";
import { ROLES } from "./permissions";

const PERMISSIONS = [
  "WRITE_CLAIMS",
  "PUBLISH_VERDICTS",
  "MERGE_CLAIMS",
  "DELETE",
  "MANAGE_KEYS",
  "MANAGE_WEBHOOKS",
  "BULK_IMPORT",
  "BULK_EXPORT",
] as const;

export const createApiKeySchema = z.object({
  name: requiredText(200),
  role: z.enum(ROLES as [string, ...string[]]).transform((role) => role as (typeof ROLES)[number]),
  scopes: z.array(z.enum(PERMISSIONS)).nullish(),
  expiresAt: z.date().nullish(),
});

export const revokeApiKeySchema = z.object({ id: globalId("ApiKey") });
