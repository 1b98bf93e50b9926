// `claimtrail keys create|list|revoke`: API keys managed from the command line, as the
// system (the first admin key of a new installation is made this way).
import type { ApiKey } from "../generated/prisma/client";
import type { Services } from "../modules/services";
import { UserInputError } from "../shared/errors";
import { encodeId } from "../shared/global-id";

type Out = NodeJS.WritableStream;

export interface CreateKeyOptions {
  name: string;
  role: string;
  scopes?: string;
  expires?: string;
}

/** Creates a key: the key itself alone on stdout (so it can be captured), what it is on stderr. */
export async function createKey(services: Services, options: CreateKeyOptions, out: Out, err: Out): Promise<void> {
  const expiresAt = options.expires ? new Date(options.expires) : null;
  if (expiresAt && Number.isNaN(expiresAt.getTime())) {
    throw UserInputError.single("--expires", "must be a date or date-time such as 2027-01-01T00:00:00Z", "INVALID");
  }
  const { apiKey, secret } = await services.apiKeys.createKey({
    name: options.name,
    role: options.role.toUpperCase(),
    scopes: options.scopes
      ?.split(",")
      .map((scope) => scope.trim().toUpperCase())
      .filter(Boolean),
    expiresAt,
  });
  out.write(`${secret}\n`);
  err.write(
    `Created API key ${encodeId("ApiKey", apiKey.id)} "${apiKey.name}" (${apiKey.role}` +
      `${apiKey.scopes.length ? `, scopes ${apiKey.scopes.join(",")}` : ""}` +
      `${apiKey.expiresAt ? `, expires ${apiKey.expiresAt.toISOString()}` : ""}). ` +
      "Store the key now: it is not shown again.\n",
  );
}

export async function listKeys(services: Services, options: { all?: boolean; json?: boolean }, out: Out) {
  const keys = await services.apiKeys.listKeys({ includeRevoked: options.all ?? false });
  if (options.json) {
    out.write(`${JSON.stringify(keys.map(keyJson), null, 2)}\n`);
    return;
  }
  const date = (value: Date | null) => (value ? value.toISOString().slice(0, 16).replace("T", " ") : "-");
  const rows = [
    ["ID", "NAME", "ROLE", "SCOPES", "PREFIX", "CREATED", "EXPIRES", "LAST USED", "REVOKED"],
    ...keys.map((key) => [
      encodeId("ApiKey", key.id),
      key.name,
      key.role,
      key.scopes.join(",") || "-",
      key.prefix,
      date(key.createdAt),
      date(key.expiresAt),
      date(key.lastUsedAt),
      date(key.revokedAt),
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];
  for (const row of rows)
    out.write(
      `${row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join("  ")
        .trimEnd()}\n`,
    );
}

export async function revokeKey(services: Services, id: string, err: Out): Promise<void> {
  const { apiKey } = await services.apiKeys.revokeKey({ id });
  err.write(`Revoked API key ${encodeId("ApiKey", apiKey.id)} "${apiKey.name}" (${apiKey.prefix}).\n`);
}

function keyJson(key: ApiKey) {
  return {
    id: encodeId("ApiKey", key.id),
    name: key.name,
    role: key.role,
    scopes: key.scopes,
    prefix: key.prefix,
    createdAt: key.createdAt,
    expiresAt: key.expiresAt,
    lastUsedAt: key.lastUsedAt,
    revokedAt: key.revokedAt,
  };
}
