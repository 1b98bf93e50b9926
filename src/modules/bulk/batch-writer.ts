// A batch of parsed import lines written in one transaction, set-wise: the wordings
// locked and their claims found in one statement each, the references resolved for the
// whole batch (batch-refs.ts), the items each claim has already found in one query, then
// one INSERT per table, the derived columns refreshed once per touched claim, and every
// change's audit event and webhook outbox rows in one statement. Lines are judged in
// input order, as if imported one at a time: a later line matches what an earlier line
// of the batch created.
import { randomUUID } from "node:crypto";
import type { Claim, Evidence, Statement, Verdict } from "../../generated/prisma/client";
import { groupsByKey } from "../../shared/batch";
import { encodeId } from "../../shared/global-id";
import type { SqlClient } from "../../db/sql";
import type { Change, ChangeLog } from "../audit/change-log";
import type { ClaimStatus, Stance } from "../../generated/prisma/enums";
import { chainHops, type ResolvedRelay } from "../attribution/attribution-chain";
import { deriveClaimStatus, tallyStances } from "../claim/claim-status";
import type { NewHop } from "../attribution/attribution.repository";
import type { HopInput } from "../attribution/attribution.schema";
import { evidenceRow } from "../evidence/evidence.service";
import type { OwnerServices } from "../owner-services";
import { canonicalUrl } from "../source/canonical-url";
import { verdictRow } from "../verdict/verdict.service";
import { BatchRefs, RefRaceError } from "./batch-refs";
import { noItems, type BulkLine, type LineReport } from "./bulk-format";
import * as repo from "./bulk-import.repository";
import type { PendingRefs, RefCache } from "./ref-cache";

/**
 * When a batch may lock its wordings: once the batch before it (written at the same time,
 * on another connection) holds its own and has created its actors and sources. A wording
 * in both is then created by the earlier and matched by the later, as if the lines were
 * imported one at a time; and an actor or source new to both is created by the earlier
 * and used by the later (RefCache's pending entries), rather than inserted by both.
 */
export interface LockTurn {
  wait: Promise<unknown>;
  /** Called once this batch holds its wording locks and has created its actors and sources. */
  taken: () => void;
}

const FIRST_TURN: LockTurn = { wait: Promise.resolve(), taken: () => undefined };

/** The services a batch is written through. */
export type ImportParts = Pick<OwnerServices, "claims">;

export interface ParsedLine {
  number: number;
  line: BulkLine;
}

export interface WrittenBatch {
  /** One report per line, in input order. */
  reports: LineReport[];
  /** Call once the transaction has committed: the batch's actors and sources go to the import's cache. */
  commit(): void;
}

type Kind = "statements" | "evidence" | "verdicts";

interface PlannedItem {
  kind: Kind;
  key: string;
  /** This item is written (else it matches one that exists, or an earlier one of the batch). */
  fresh: boolean;
}

interface LinePlan {
  number: number;
  claimId: string;
  /** The claim existed before this batch. */
  existed: boolean;
  /** This line creates the claim. */
  creates: boolean;
  items: PlannedItem[];
}

const wordingKey = (claim: { text: string; language: string }) => `${claim.language}\n${claim.text}`;

export async function writeBatch(
  tx: SqlClient,
  parts: ImportParts,
  changes: ChangeLog,
  cache: RefCache,
  lines: readonly ParsedLine[],
  turn: LockTurn = FIRST_TURN,
  pending: PendingRefs | null = null,
): Promise<WrittenBatch> {
  const wordings = [...new Map(lines.map(({ line }) => [wordingKey(line.claim), line.claim])).values()];
  await repo.tuneBatchTransaction(tx);
  await turn.wait;
  await repo.lockWordings(tx, wordings);
  const found = new Map(
    (await repo.findClaimsByWordings(tx, wordings)).map((row) => [wordingKey(wordings[row.index]!), row]),
  );
  const refs = await BatchRefs.resolve(
    tx,
    cache,
    lines.map(({ line }) => line),
    pending,
  );
  turn.taken();
  // Each kept line's claim, existing or planned (the first line of a new wording creates it).
  const planned = new Map<string, string>();
  const kept = lines.flatMap(({ number, line }, index) => {
    if (refs.rejected.has(index)) return [];
    const wording = wordingKey(line.claim);
    const existing = found.get(wording);
    let claimId = existing?.id ?? planned.get(wording);
    const creates = claimId === undefined;
    if (claimId === undefined) planned.set(wording, (claimId = randomUUID()));
    return [{ number, line, claimId, existed: existing !== undefined, creates, keys: itemKeys(line, claimId, refs) }];
  });

  // What the claims that existed have already, in one query; then, in line order, what is new.
  const known = kept.filter((plan) => plan.existed);
  const inDatabase = await (known.length === 0
    ? null
    : repo.findExistingItems(tx, {
        statements: known.flatMap((plan) => plan.keys.statements),
        evidence: known.flatMap((plan) => plan.keys.evidence),
        verdicts: known.flatMap((plan) => plan.keys.verdicts),
      }));
  const seen = new Set<string>();
  const offsets = { statements: 0, evidence: 0, verdicts: 0 };
  const plans: LinePlan[] = kept.map(({ number, claimId, existed, creates, keys }) => {
    const items: PlannedItem[] = [];
    for (const kind of ["statements", "evidence", "verdicts"] as const) {
      keys[kind].forEach((value, index) => {
        const key = `${kind}:${JSON.stringify(value)}`;
        const stored = existed && inDatabase !== null && inDatabase[kind].has(offsets[kind] + index);
        items.push({ kind, key, fresh: !stored && !seen.has(key) });
        seen.add(key);
      });
      if (existed) offsets[kind] += keys[kind].length;
    }
    return { number, claimId, existed, creates, items };
  });

  // The claims that existed and gain items are locked, as every mutation locks its claim.
  const touchedExisting = [
    ...new Set(plans.filter((plan) => plan.existed && writes(plan)).map((plan) => plan.claimId)),
  ].sort();
  if (touchedExisting.length > 0) {
    const locked = await repo.lockClaimRows(tx, touchedExisting);
    if (locked.size < touchedExisting.length) throw new RefRaceError("a claim this batch adds to was merged away");
  }
  const rows = buildRows(kept, plans, refs);
  const claims = byId(rows.claims.length > 0 ? await repo.insertClaims(tx, rows.claims) : []);
  const statements = byId(
    rows.statements.length > 0 ? await repo.insertStatements(tx, rows.statements, rows.statementHops) : [],
  );
  const evidence = byId(
    rows.evidence.length > 0 ? await repo.insertEvidence(tx, rows.evidence, rows.evidenceHops) : [],
  );
  const verdicts = byId(rows.verdicts.length > 0 ? await repo.insertVerdicts(tx, rows.verdicts) : []);

  // The derived columns of each claim that existed and gained items, once; firstSeenAt
  // back to the earliest new statement. (New claims were inserted with theirs.)
  const touched = new Map<string, Date | null>();
  for (const plan of plans) if (plan.existed && writes(plan)) touched.set(plan.claimId, null);
  for (const { claimId, statedAt } of rows.statements) {
    if (!touched.has(claimId)) continue;
    const earliest = touched.get(claimId);
    if (statedAt && (!earliest || statedAt < earliest)) touched.set(claimId, statedAt);
  }
  await parts.claims.refreshDerivedMany(tx, touched);

  await changes.recordMany(tx, [...refs.changes, ...changeRecords(rows, { claims, statements, evidence, verdicts })]);
  await refs.lendersSettled();
  const planOf = new Map(plans.map((plan) => [plan.number, plan]));
  const reports = lines.map(({ number }, index): LineReport => {
    const plan = planOf.get(number);
    if (!plan) {
      const errors = [refs.rejected.get(index)!];
      return { line: number, status: "rejected", claimId: null, created: noItems(), matched: noItems(), errors };
    }
    const created = noItems();
    const matched = noItems();
    for (const item of plan.items) (item.fresh ? created : matched)[item.kind] += 1;
    const status = plan.creates ? "created" : writes(plan) ? "updated" : "matched";
    return { line: number, status, claimId: encodeId("Claim", plan.claimId), created, matched, errors: [] };
  });
  return { reports, commit: () => refs.commit() };
}

/** The line writes at least one item. */
function writes(plan: LinePlan): boolean {
  return plan.items.some((item) => item.fresh);
}

/** A line's items as the keys they are matched by (same order as the line). */
function itemKeys(line: BulkLine, claimId: string, refs: BatchRefs): repo.ItemKeys {
  return {
    statements: line.statements.map((item) => ({
      claimId,
      actorId: refs.actor(item.actor).id,
      sourceId: refs.source(item.source).id,
      stance: item.stance,
      quote: item.quote,
      paraphrase: item.paraphrase,
      statedAt: item.statedAt ?? null,
    })),
    evidence: line.evidence.map(({ direction, summary, source }) => ({
      claimId,
      sourceId: refs.source(source).id,
      direction,
      summary,
    })),
    verdicts: line.verdicts.map((item) => ({
      claimId,
      reviewerId: refs.actor(item.reviewer).id,
      rating: item.rating,
      reviewedAt: item.reviewedAt,
      url: item.url ? canonicalUrl(item.url) : null,
    })),
  };
}

interface BatchRows {
  claims: repo.NewClaim[];
  statements: repo.NewStatement[];
  statementHops: repo.OwnedHop[];
  evidence: repo.NewEvidence[];
  evidenceHops: repo.OwnedHop[];
  verdicts: repo.NewVerdict[];
  /** Chains by statement or evidence id (for the change records). */
  hops: Map<string, NewHop[]>;
  /** In line order: the rows each line writes. */
  order: { kind: "claim" | Kind; id: string }[];
}

function buildRows(kept: { line: BulkLine; claimId: string }[], plans: LinePlan[], refs: BatchRefs): BatchRows {
  const rows: BatchRows = {
    claims: [],
    statements: [],
    statementHops: [],
    evidence: [],
    evidenceHops: [],
    verdicts: [],
    hops: new Map(),
    order: [],
  };
  const relays = (via: HopInput[] | null | undefined): ResolvedRelay[] =>
    (via ?? []).map((hop) => ({
      relation: hop.relation,
      actor: refs.actor(hop.actor),
      source: hop.source ? refs.source(hop.source) : null,
      note: hop.note ?? null,
    }));
  const chain = (id: string, owned: repo.OwnedHop[], hops: NewHop[]) => {
    rows.hops.set(id, hops);
    for (const hop of hops) owned.push({ ...hop, ownerId: id });
  };
  const created = new Map<string, BulkLine["claim"]>();
  kept.forEach(({ line, claimId }, index) => {
    const plan = plans[index]!;
    if (plan.creates) {
      created.set(claimId, line.claim);
      rows.order.push({ kind: "claim", id: claimId });
    }
    const fresh = (kind: Kind) => plan.items.filter((item) => item.kind === kind).map((item) => item.fresh);
    const [statements, evidence, verdicts] = [fresh("statements"), fresh("evidence"), fresh("verdicts")];
    line.statements.forEach((item, i) => {
      if (!statements[i]) return;
      const id = randomUUID();
      const actor = refs.actor(item.actor);
      const source = refs.source(item.source);
      const { stance, quote, paraphrase } = item;
      const row = { id, claimId, actorId: actor.id, sourceId: source.id, stance, quote, paraphrase };
      rows.statements.push({ ...row, language: item.language ?? null, statedAt: item.statedAt ?? null });
      chain(id, rows.statementHops, chainHops(actor, relays(item.via), source));
      rows.order.push({ kind: "statements", id });
    });
    line.evidence.forEach((item, i) => {
      if (!evidence[i]) return;
      const id = randomUUID();
      const source = refs.source(item.source);
      const actor = item.actor ? refs.actor(item.actor) : null;
      rows.evidence.push({ id, ...evidenceRow(claimId, item, { source, actor }) });
      chain(id, rows.evidenceHops, actor ? chainHops(actor, relays(item.via), source) : []);
      rows.order.push({ kind: "evidence", id });
    });
    line.verdicts.forEach((item, i) => {
      if (!verdicts[i]) return;
      const id = randomUUID();
      rows.verdicts.push({ id, ...verdictRow(claimId, item, refs.actor(item.reviewer).id) });
      rows.order.push({ kind: "verdicts", id });
    });
  });
  const ids = [...created.keys()];
  const statements = groupsByKey(ids, rows.statements, (row) => row.claimId);
  const evidence = groupsByKey(ids, rows.evidence, (row) => row.claimId);
  const verdicts = groupsByKey(ids, rows.verdicts, (row) => row.claimId);
  rows.claims = [...created].map(([id, claim], index) =>
    newClaim(id, claim, {
      statements: statements[index] ?? [],
      evidence: evidence[index] ?? [],
      verdicts: verdicts[index] ?? [],
    }),
  );
  return rows;
}

/**
 * A new claim's row with its derived columns computed from the items the batch writes
 * with it (all live), by the rules refreshDerived applies: status and counts from the
 * stances and the latest verdict, the search document's parts as claim_search_document
 * gathers them.
 */
function newClaim(
  id: string,
  claim: BulkLine["claim"],
  {
    statements,
    evidence,
    verdicts,
  }: { statements: repo.NewStatement[]; evidence: repo.NewEvidence[]; verdicts: repo.NewVerdict[] },
): repo.NewClaim {
  // The latest verdict: by reviewedAt, then id (created_at is the batch's, the same for all).
  const latest = verdicts.reduce<repo.NewVerdict | null>((best, row) => {
    if (!best) return row;
    const later = row.reviewedAt.getTime() - best.reviewedAt.getTime();
    return later > 0 || (later === 0 && row.id > best.id) ? row : best;
  }, null);
  const stances = new Map<Stance, number>();
  for (const { stance } of statements) stances.set(stance, (stances.get(stance) ?? 0) + 1);
  const stanceCounts = [...stances].map(([stance, count]) => ({ stance, count }));
  const words = (parts: (string | null)[]) => parts.filter((part) => part !== null).join(" ");
  const earliest = statements.reduce<Date | null>(
    (first, { statedAt }) => (statedAt && (!first || statedAt < first) ? statedAt : first),
    null,
  );
  return {
    id,
    text: claim.text,
    language: claim.language,
    topics: claim.topics ?? [],
    firstSeenAt: claim.firstSeenAt ?? null,
    earliestStatedAt: earliest,
    status: deriveClaimStatus({
      latestVerdict: (latest?.conclusion as ClaimStatus | undefined) ?? null,
      stances: stanceCounts.map((row) => row.stance),
    }),
    tally: tallyStances(stanceCounts),
    statementsBody:
      statements.length > 0 ? statements.map((row) => words([row.quote, row.paraphrase])).join(" ctsep ") : null,
    evidenceBody: evidence.length > 0 ? evidence.map((row) => words([row.summary, row.excerpt])).join(" ctsep ") : null,
  };
}

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [row.id, row]));
}

/** Each written row's change record, in line order, as the services' own writes record them. */
function changeRecords(
  rows: BatchRows,
  written: {
    claims: Map<string, Claim>;
    statements: Map<string, Statement>;
    evidence: Map<string, Evidence>;
    verdicts: Map<string, Verdict>;
  },
): Change[] {
  const must = <T>(row: T | undefined, id: string): T => {
    if (row === undefined) throw new Error(`row ${id} was inserted but not returned`);
    return row;
  };
  return rows.order.map(({ kind, id }): Change => {
    if (kind === "claim") {
      return {
        action: "CREATED",
        entityType: "Claim",
        entityId: id,
        claimId: id,
        after: must(written.claims.get(id), id),
        event: "CLAIM_CREATED",
      };
    }
    if (kind === "statements") {
      const row = must(written.statements.get(id), id);
      const after = { ...row, hops: rows.hops.get(id) ?? [] };
      return {
        action: "CREATED",
        entityType: "Statement",
        entityId: id,
        claimId: row.claimId,
        after,
        event: "STATEMENT_RECORDED",
      };
    }
    if (kind === "evidence") {
      const row = must(written.evidence.get(id), id);
      const after = { ...row, hops: rows.hops.get(id) ?? [] };
      return {
        action: "CREATED",
        entityType: "Evidence",
        entityId: id,
        claimId: row.claimId,
        after,
        event: "CLAIM_UPDATED",
      };
    }
    const row = must(written.verdicts.get(id), id);
    return {
      action: "CREATED",
      entityType: "Verdict",
      entityId: id,
      claimId: row.claimId,
      after: row,
      event: "VERDICT_PUBLISHED",
    };
  });
}
