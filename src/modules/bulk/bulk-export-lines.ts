// Turns a page of claims with their rows into export lines: the import format, with
// actors and sources as portable references (names and URLs, never IDs), null fields
// left out, and items in a canonical order, so that two databases holding the same
// records write the same file.
import type { Actor, AttributionHop, Evidence, Source, Statement, Verdict } from "../../generated/prisma/client";
import type { ExportClaimRow } from "./bulk-export.repository";

/** The rows a page of claims refers to, by ID. */
export interface ExportGraph {
  statementsByClaim: Map<string, Statement[]>;
  evidenceByClaim: Map<string, Evidence[]>;
  verdictsByClaim: Map<string, Verdict[]>;
  hopsByStatement: Map<string, AttributionHop[]>;
  hopsByEvidence: Map<string, AttributionHop[]>;
  actors: Map<string, Actor>;
  aliases: Map<string, string[]>;
  sources: Map<string, Source>;
}

type Json = Record<string, unknown>;

export function exportLine(claim: ExportClaimRow, graph: ExportGraph): Json {
  const refs = new Refs(graph);
  const statements = (graph.statementsByClaim.get(claim.id) ?? []).map((statement) => {
    const source = refs.sourceRow(statement.sourceId);
    const item = compact({
      stance: statement.stance,
      actor: refs.actor(statement.actorId),
      source: refs.source(statement.sourceId),
      quote: statement.quote,
      paraphrase: statement.paraphrase,
      language: statement.language,
      statedAt: statement.statedAt,
      via: refs.via(graph.hopsByStatement.get(statement.id) ?? [], source),
    });
    const order = [iso(statement.statedAt), refs.actorRow(statement.actorId).nameKey, source.sourceKey];
    return { item, order: [...order, statement.stance, statement.quote ?? "", statement.paraphrase ?? ""] };
  });
  const evidence = (graph.evidenceByClaim.get(claim.id) ?? []).map((item) => {
    const source = refs.sourceRow(item.sourceId);
    return {
      item: compact({
        direction: item.direction,
        kind: item.kind,
        summary: item.summary,
        excerpt: item.excerpt,
        source: refs.source(item.sourceId),
        actor: item.actorId ? refs.actor(item.actorId) : null,
        observedAt: item.observedAt,
        via: item.actorId ? refs.via(graph.hopsByEvidence.get(item.id) ?? [], source) : null,
      }),
      order: [iso(item.observedAt), source.sourceKey, item.direction, item.summary],
    };
  });
  const verdicts = (graph.verdictsByClaim.get(claim.id) ?? []).map((verdict) => ({
    item: compact({
      reviewer: refs.actor(verdict.reviewerId),
      rating: verdict.rating,
      ratingValue: verdict.ratingValue,
      bestRating: verdict.bestRating,
      worstRating: verdict.worstRating,
      conclusion: verdict.conclusion,
      reviewedAt: verdict.reviewedAt,
      url: verdict.url,
      explanation: verdict.explanation,
      language: verdict.language,
    }),
    order: [iso(verdict.reviewedAt), refs.actorRow(verdict.reviewerId).nameKey, verdict.rating, verdict.url ?? ""],
  }));
  return {
    claim: compact({
      text: claim.text,
      language: claim.language,
      topics: claim.topics,
      firstSeenAt: claim.firstSeenAt,
    }),
    statements: sorted(statements),
    evidence: sorted(evidence),
    verdicts: sorted(verdicts),
  };
}

class Refs {
  constructor(private readonly graph: ExportGraph) {}

  actorRow(id: string): Actor {
    const actor = this.graph.actors.get(id);
    if (!actor) throw new Error(`export: actor ${id} is referenced but was not loaded`);
    return actor;
  }

  sourceRow(id: string): Source {
    const source = this.graph.sources.get(id);
    if (!source) throw new Error(`export: source ${id} is referenced but was not loaded`);
    return source;
  }

  actor(id: string): Json {
    const actor = this.actorRow(id);
    const aliases = this.graph.aliases.get(id) ?? [];
    return compact({
      name: actor.name,
      kind: actor.kind,
      description: actor.description,
      affiliation: actor.affiliation,
      aliases: aliases.length > 0 ? aliases : null,
    });
  }

  source(id: string): Json {
    const source = this.sourceRow(id);
    return compact({
      url: source.url,
      title: source.title,
      kind: source.kind,
      language: source.language,
      publisher: source.publisherId ? this.actor(source.publisherId) : null,
      publishedAt: source.publishedAt,
      retrievedAt: source.retrievedAt,
      contentHash: source.contentHash,
      archiveUrl: source.archiveUrl,
    });
  }

  /**
   * The `via` input that rebuilds this chain: the hops after the speaker's, less what
   * import adds by itself (see chainHops): the closing REPORTED_BY hop of
   * the source's publisher, and the recording source on the chain's last hop.
   */
  via(hops: readonly AttributionHop[], source: Source): Json[] | null {
    const relays = hops.filter((hop) => hop.position > 0);
    const last = relays.at(-1);
    const added =
      last?.relation === "REPORTED_BY" &&
      last.actorId === source.publisherId &&
      last.sourceId === source.id &&
      last.note === null;
    if (added) relays.pop();
    if (relays.length === 0) return null;
    return relays.map((hop, index) => {
      const carriesRecording = !added && index === relays.length - 1 && hop.sourceId === source.id;
      return compact({
        relation: hop.relation,
        actor: this.actor(hop.actorId),
        source: hop.sourceId && !carriesRecording ? this.source(hop.sourceId) : null,
        note: hop.note,
      });
    });
  }
}

/** Leaves out null fields; dates as ISO 8601 strings. */
function compact(fields: Record<string, unknown>): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    out[key] = value instanceof Date ? value.toISOString() : value;
  }
  return out;
}

/** Dates sort as ISO strings; a missing one after every date. */
function iso(date: Date | null): string {
  return date ? date.toISOString() : "~";
}

function sorted(entries: { item: Json; order: string[] }[]): Json[] {
  return entries.sort((a, b) => compareKeys(a.order, b.order)).map((entry) => entry.item);
}

/** Code-unit order, not locale order: the same everywhere. */
function compareKeys(a: string[], b: string[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const left = a[index] ?? "";
    const right = b[index] ?? "";
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}
