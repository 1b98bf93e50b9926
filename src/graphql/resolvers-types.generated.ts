// Generated from src/graphql/base.graphql and src/modules/*/*.graphql by `npm run codegen`: do not edit.
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { Claim as ClaimModel, Actor as ActorModel, Source as SourceModel, Statement as StatementModel, Evidence as EvidenceModel, Verdict as VerdictModel, AttributionHop as AttributionHopModel, ApiKey as ApiKeyModel, AuditEvent as AuditEventModel, WebhookEndpoint as WebhookEndpointModel, WebhookDelivery as WebhookDeliveryModel, WebhookAttempt as WebhookAttemptModel, ClaimMerge as ClaimMergeModel } from '../generated/prisma/client';
import type { Principal } from '../modules/auth/permissions';
import type { AuditEventConnectionView, AuditEventEdgeView } from '../modules/audit/audit.types';
import type { ClaimRelationView } from '../modules/claim-relation/claim-relation.types';
import type { ProvenanceView, ProvenanceActorView, AttributionChainView } from '../modules/provenance/provenance.types';
import type { ClaimEventView } from '../modules/live/claim-event';
import type { CreateClaimPayloadView } from '../modules/claim/claim.types';
import type { SearchConnectionView, SearchEdgeView, SearchHighlightView, SimilarClaimView } from '../modules/search/search.types';
import type { ClaimStatsView, ActorCountView } from '../modules/claim-stats/claim-stats.types';
import type { Connection, Edge } from '../shared/pagination';
import type { GraphQLContext } from './context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An RFC 3339 (ISO 8601) date-time with a time zone or offset, e.g. `2024-06-19T08:00:00Z`,
   * between the years 0001 and 9999. Returned in UTC.
   */
  DateTime: { input: Date; output: Date; }
  /** Arbitrary JSON: audit snapshots, webhook payloads, schema.org ClaimReview documents. */
  JSON: { input: unknown; output: unknown; }
};

/** Someone who says things, relays them, publishes them or rules on them. */
export type Actor = Node & {
  __typename?: 'Actor';
  /** Where they belong, e.g. `Dongguk University`. */
  affiliation?: Maybe<Scalars['String']['output']>;
  /** Other names the actor is known by (`Pyongyang` for North Korea). */
  aliases: Array<Scalars['String']['output']>;
  /** Claims this actor is on record for (as speaker), most recently updated first. */
  claims: Array<Claim>;
  /** When the actor was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Who they are, e.g. `Professor Emeritus of North Korean Studies`. */
  description?: Maybe<Scalars['String']['output']>;
  /** Every change to the actor, oldest first. */
  history: AuditEventConnection;
  /** Global ID: pass it to `Query.node` or `Query.actor`, or to mutations as `ActorRefInput.id`. */
  id: Scalars['ID']['output'];
  /** What kind of actor it is. */
  kind: ActorKind;
  /** The actor's name; no other actor has it as a name or alias (ignoring case and spacing). */
  name: Scalars['String']['output'];
  /** Sources this actor published, newest first (by `publishedAt`, undated ones last). */
  publishedSources: Array<Source>;
  /** Number of the actor's live statements. */
  statementCount: Scalars['Int']['output'];
  /** The actor's own statements, newest first. */
  statements: Array<Statement>;
  /** Last edit to the actor. */
  updatedAt: Scalars['DateTime']['output'];
};


/** Someone who says things, relays them, publishes them or rules on them. */
export type ActorClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** Someone who says things, relays them, publishes them or rules on them. */
export type ActorHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Someone who says things, relays them, publishes them or rules on them. */
export type ActorPublishedSourcesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** Someone who says things, relays them, publishes them or rules on them. */
export type ActorStatementsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of actors (a Relay connection). */
export type ActorConnection = {
  __typename?: 'ActorConnection';
  /** The actors of this page, each with its cursor. */
  edges: Array<ActorEdge>;
  /** The actors of this page, without cursors. */
  nodes: Array<Actor>;
  /** Whether there are more pages, and the cursor to ask for the next. */
  pageInfo: PageInfo;
  /** How many actors match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** How many claims one actor counts for. */
export type ActorCount = {
  __typename?: 'ActorCount';
  /** The speaker (`byActor`) or the publisher (`byPublisher`). */
  actor: Actor;
  /** Number of claims. */
  count: Scalars['Int']['output'];
};

/** An actor in a page of actors. */
export type ActorEdge = {
  __typename?: 'ActorEdge';
  /** Opaque position of the actor in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The actor. */
  node: Actor;
};

/** Filters for `Query.actors`; all given conditions must hold. */
export type ActorFilter = {
  /** Actors of this kind. */
  kind?: InputMaybe<ActorKind>;
  /** Case-insensitive substring of the name. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
};

/** What kind of actor someone is. */
export type ActorKind =
  /** An organization that publishes verdicts. */
  | 'FACT_CHECKER'
  /** A news agency, newspaper, broadcaster or other outlet. */
  | 'MEDIA_OUTLET'
  /** A company, party, agency, university, international body... */
  | 'ORGANIZATION'
  /** Anything else. */
  | 'OTHER'
  /** A person. */
  | 'PERSON'
  /** A state or its government (North Korea, whose government is called Pyongyang). */
  | 'STATE';

/** What `createActor` or `updateActor` did. */
export type ActorPayload = {
  __typename?: 'ActorPayload';
  /** The actor as created or changed; null when `userErrors` is not empty. */
  actor?: Maybe<Actor>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * An actor, by `id`, or by `name` (matched against names and aliases, case-insensitively;
 * created with `kind` and the other fields when no actor matches).
 */
export type ActorRefInput = {
  /** Where they belong, up to 300 characters, stored when the actor is created. */
  affiliation?: InputMaybe<Scalars['String']['input']>;
  /** Extra names, stored when the actor is created. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Who they are, up to 500 characters, stored when the actor is created. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** An existing actor's global ID (`Actor.id`); give either `id` or `name`. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** Needed when the actor is created. */
  kind?: InputMaybe<ActorKind>;
  /** A name or alias, up to 200 characters; an actor found by it is used as it is (the fields below are ignored). */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** An evidence item to add. */
export type AddEvidenceInput = {
  /** Whose analysis, act or words it is, when it is one actor's: the start of its chain. */
  actor?: InputMaybe<ActorRefInput>;
  /** The claim's global ID (a merged claim's ID adds to the claim it was merged into). */
  claimId: Scalars['ID']['input'];
  /** Which way it bears on the claim. */
  direction: EvidenceDirection;
  /** Verbatim words from the source, up to 5,000 characters. */
  excerpt?: InputMaybe<Scalars['String']['input']>;
  /** What the item is (default OTHER). */
  kind?: InputMaybe<EvidenceKind>;
  /** When the evidenced fact happened or was observed. */
  observedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The document the item was found in. */
  source: SourceRefInput;
  /** What the item shows, 1 to 5,000 characters. */
  summary: Scalars['String']['input'];
  /** Relays between `actor` and the source, as in `recordStatement` (needs `actor`). */
  via?: InputMaybe<Array<AttributionHopInput>>;
};

/** What `addEvidence` did. */
export type AddEvidencePayload = {
  __typename?: 'AddEvidencePayload';
  /** The claim, as changed. */
  claim?: Maybe<Claim>;
  /** The new evidence item; null when `userErrors` is not empty. */
  evidence?: Maybe<Evidence>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** A verdict to record. */
export type AddVerdictInput = {
  /** The best value of the scale (not equal to `worstRating`). */
  bestRating?: InputMaybe<Scalars['Int']['input']>;
  /** The claim's global ID (a merged claim's ID rates the claim it was merged into). */
  claimId: Scalars['ID']['input'];
  /**
   * What the rating means for the claim. When omitted it is read off the numeric
   * rating: top third of the [worstRating, bestRating] scale SUPPORTED, bottom third
   * REFUTED, else MIXED; one of the two must be given.
   */
  conclusion?: InputMaybe<VerdictConclusion>;
  /** Why, up to 10,000 characters. */
  explanation?: InputMaybe<Scalars['String']['input']>;
  /** Language of the review (BCP-47 tag). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** The rating as published, e.g. `False`, `Mostly true`. */
  rating: Scalars['String']['input'];
  /** Numeric rating on the reviewer's scale, -1,000 to 1,000; given with `bestRating` and `worstRating`, or not at all. */
  ratingValue?: InputMaybe<Scalars['Int']['input']>;
  /** When the review was published. */
  reviewedAt: Scalars['DateTime']['input'];
  /** The fact-checking organization. */
  reviewer: ActorRefInput;
  /** The review's absolute http(s) URL (stored canonicalized). */
  url?: InputMaybe<Scalars['String']['input']>;
  /** The worst value of the scale. */
  worstRating?: InputMaybe<Scalars['Int']['input']>;
};

/** What `addVerdict` did. */
export type AddVerdictPayload = {
  __typename?: 'AddVerdictPayload';
  /** The claim, with its status recomputed. */
  claim?: Maybe<Claim>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
  /** The new verdict; null when `userErrors` is not empty. */
  verdict?: Maybe<Verdict>;
};

/** An API key (its secret is never shown again after creation). */
export type ApiKey = {
  __typename?: 'ApiKey';
  /** Neither revoked nor expired. */
  active: Scalars['Boolean']['output'];
  /** When the key was created. */
  createdAt: Scalars['DateTime']['output'];
  /** When the key stops working; null for never. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Global ID, for `revokeApiKey` (an API key is not a `Node`: `Query.node` does not resolve it). */
  id: Scalars['ID']['output'];
  /** When the key was last used, to within a minute or so; null if never. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key is called, to recognise it. */
  name: Scalars['String']['output'];
  /** What the key may do: its role's permissions, narrowed to its scopes. */
  permissions: Array<Permission>;
  /** The key's first characters (`ct_` + 8 hex), to recognise it. */
  prefix: Scalars['String']['output'];
  /** When the key was revoked; null while it is not. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** What the key may do, before `scopes` narrow it. */
  role: Role;
  /** The scopes the key was narrowed to; empty when it has all its role grants. */
  scopes: Array<Permission>;
};

/** The path from a speaker to the source that recorded a statement or evidence item. */
export type AttributionChain = {
  __typename?: 'AttributionChain';
  /** Set when the chain is an evidence item's. */
  evidence?: Maybe<Evidence>;
  /** Speaker first, recording outlet last. */
  hops: Array<AttributionHop>;
  /** The recording source. */
  source: Source;
  /** Set when the chain is a statement's. */
  statement?: Maybe<Statement>;
};

/** One step of an attribution chain. */
export type AttributionHop = {
  __typename?: 'AttributionHop';
  /** The speaker (position 0) or a relay. */
  actor: Actor;
  /** The editor's note on this hop. */
  note?: Maybe<Scalars['String']['output']>;
  /** 0 for the speaker, then 1, 2, ... towards the recording source. */
  position: Scalars['Int']['output'];
  /** How this hop's actor came by the words. */
  relation: HopRelation;
  /** The document at this hop, when known (always set on the last hop). */
  source?: Maybe<Source>;
};

/** One relay between the speaker and the recording source. */
export type AttributionHopInput = {
  /** Who relayed them, by ID or name. */
  actor: ActorRefInput;
  /** An editor's note on this hop, up to 500 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** How this relay came by the words (any relation but SPOKE, which is the speaker's own hop). */
  relation: HopRelation;
  /** The document at this hop, when known (the AFP dispatch). */
  source?: InputMaybe<SourceRefInput>;
};

/** What a change did. */
export type AuditAction =
  /** Created the entity. */
  | 'CREATED'
  /** Removed it (a link between claims, a webhook endpoint). */
  | 'DELETED'
  /** Folded a claim into another (`after` is the merge record). */
  | 'MERGED'
  /** Withdrew a statement, evidence item or verdict from the record. */
  | 'RETRACTED'
  /** Edited it (for an API key: revoked it). */
  | 'UPDATED';

/** One recorded change. The log is append-only: nothing in the API (or the database) edits it. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** What the change did. */
  action: AuditAction;
  /** The entity after the change (null for a deletion), with global IDs as in `before`. */
  after?: Maybe<Scalars['JSON']['output']>;
  /**
   * The API key that made it; null for the CLI and the seed loader, and for readers without
   * the MANAGE_KEYS permission.
   */
  apiKeyId?: Maybe<Scalars['ID']['output']>;
  /**
   * The entity before the change (null for a creation). Its `id` and the IDs it refers to
   * (`claimId`, `actorId`, `sourceId`, … in its chain's hops too) are global IDs, as
   * `node(id:)` and the mutations take them.
   */
  before?: Maybe<Scalars['JSON']['output']>;
  /**
   * Who made it. Readers whose key has the MANAGE_KEYS permission (admins) see the API key's
   * name and prefix, or `cli` / `seed`; everyone else (anonymous readers and other keys) sees
   * only the kind of author: `api-key (ROLE)` with the key's role, or `system` for the CLI and
   * the seed loader.
   */
  changedBy: Scalars['String']['output'];
  /** The claim the change bears on, as a global ID. */
  claimId?: Maybe<Scalars['ID']['output']>;
  /** Global ID of what changed (it may no longer resolve: a merged claim, a removed link). */
  entityId: Scalars['ID']['output'];
  /** Type of what changed: Claim, Statement, Evidence, Verdict, Actor, Source, ClaimRelation, ApiKey, WebhookEndpoint. */
  entityType: Scalars['String']['output'];
  /** Global ID of the event (not a `Node`); IDs grow in the order changes were recorded. */
  id: Scalars['ID']['output'];
  /** When the change was made. */
  occurredAt: Scalars['DateTime']['output'];
  /**
   * The ID of the request that made it (to match server logs); null for readers without the
   * MANAGE_KEYS permission.
   */
  requestId?: Maybe<Scalars['String']['output']>;
};

/** A page of history, oldest change first (a Relay connection, without a total count). */
export type AuditEventConnection = {
  __typename?: 'AuditEventConnection';
  /** The changes of this page, each with its cursor. */
  edges: Array<AuditEventEdge>;
  /** Whether there are more pages, and the cursor to ask for the next. */
  pageInfo: PageInfo;
};

/** A change in a page of history. */
export type AuditEventEdge = {
  __typename?: 'AuditEventEdge';
  /** Opaque position of the change: pass it as `after` for the changes after it. */
  cursor: Scalars['String']['output'];
  /** The change. */
  node: AuditEvent;
};

/** A factual claim, in one canonical wording. */
export type Claim = Node & {
  __typename?: 'Claim';
  /**
   * The claim's live verdicts as schema.org ClaimReview JSON-LD: one object for one
   * verdict, `{"@context", "@graph": [...]}` for several, null for none. The same
   * document is served at `GET /claims/{id}/claim-review`.
   */
  claimReview?: Maybe<Scalars['JSON']['output']>;
  /** When the claim was recorded in claimtrail. */
  createdAt: Scalars['DateTime']['output'];
  /**
   * Evidence for, against and around this claim, oldest first. A plain list: the first 501
   * live items of every claim in the request are read in one query, and pages within them
   * cost no other.
   */
  evidence: Array<Evidence>;
  /** Number of live evidence items. */
  evidenceCount: Scalars['Int']['output'];
  /** When the claim was first seen: its creation, or the earliest statement date if earlier. */
  firstSeenAt: Scalars['DateTime']['output'];
  /**
   * Every change to the claim and to its statements, evidence, verdicts and links, oldest
   * first (including the history of claims merged into it).
   */
  history: AuditEventConnection;
  /** Global ID: pass it to `Query.node` or `Query.claim`, and to mutations as a claim ID. */
  id: Scalars['ID']['output'];
  /** Language of `text` (BCP-47 tag such as `en`). */
  language: Scalars['String']['output'];
  /** The verdict that sets the status now, if any. */
  latestVerdict?: Maybe<Verdict>;
  /**
   * Claims merged into this one, newest first, including those merged into a claim that
   * was later merged into this one. All of them: merges are few, so the list is not paginated.
   */
  mergedFrom: Array<ClaimMergeRecord>;
  /** Everything that backs this claim, in one answer: sources, actors and every attribution chain. */
  provenance: Provenance;
  /** Links to other claims, both directions, oldest first; a plain list, as the other nested lists. */
  relations: Array<ClaimRelation>;
  /** Number of live (non-retracted) statements. */
  statementCount: Scalars['Int']['output'];
  /**
   * Statements on this claim, oldest first. A plain list: the first 501 live statements of
   * every claim in the request are read in one query, and pages within them cost no other.
   */
  statements: Array<Statement>;
  /** See `ClaimStatus` for how it is derived. */
  status: ClaimStatus;
  /** Canonical wording of the claim. */
  text: Scalars['String']['output'];
  /** Topic slugs (lower case), e.g. `north-korea`, `arms-trade`. */
  topics: Array<Scalars['String']['output']>;
  /** Last change to the claim or anything recorded on it. */
  updatedAt: Scalars['DateTime']['output'];
  /**
   * Fact-checkers' verdicts, newest first (by `reviewedAt`): the history of ratings. A plain
   * list: the 100 newest live verdicts of every claim in the request are read in one query,
   * and pages within them cost no other.
   */
  verdicts: Array<Verdict>;
};


/** A factual claim, in one canonical wording. */
export type ClaimEvidenceArgs = {
  direction?: InputMaybe<EvidenceDirection>;
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** A factual claim, in one canonical wording. */
export type ClaimHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A factual claim, in one canonical wording. */
export type ClaimRelationsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** A factual claim, in one canonical wording. */
export type ClaimStatementsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
  stance?: InputMaybe<Stance>;
};


/** A factual claim, in one canonical wording. */
export type ClaimVerdictsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of claims (a Relay connection). */
export type ClaimConnection = {
  __typename?: 'ClaimConnection';
  /** The claims of this page, each with its cursor. */
  edges: Array<ClaimEdge>;
  /** The claims of this page, without cursors. */
  nodes: Array<Claim>;
  /** Whether there are more pages, and the cursor to ask for the next. */
  pageInfo: PageInfo;
  /** How many claims match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** Which of a claim's dates `ClaimStats.perDay` counts by. */
export type ClaimDateField =
  /** When the claim was recorded (`Claim.createdAt`). */
  | 'CREATED_AT'
  /** When the claim was first seen (`Claim.firstSeenAt`). */
  | 'FIRST_SEEN_AT'
  /** Last change to the claim or anything recorded on it (`Claim.updatedAt`). */
  | 'UPDATED_AT';

/** A claim in a page of claims. */
export type ClaimEdge = {
  __typename?: 'ClaimEdge';
  /** Opaque position of the claim in the list's order: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The claim. */
  node: Claim;
};

/**
 * One change to a claim. Its fields resolve like a query's (the claim, statement, evidence item
 * and verdict as they are when the event is delivered).
 */
export type ClaimEvent = {
  __typename?: 'ClaimEvent';
  /**
   * Who made the change, shown as `AuditEvent.changedBy` is: the key's name and prefix for
   * readers with the MANAGE_KEYS permission, only the kind of author (`api-key (ROLE)`, `system`)
   * for everyone else.
   */
  changedBy: Scalars['String']['output'];
  /**
   * The claim, as it is now: a merged claim's surviving claim (for CLAIMS_MERGED, the claim
   * the other was merged into).
   */
  claim: Claim;
  /** Global ID of the claim the change was made on, as it was then (it may since have been merged away). */
  claimId: Scalars['ID']['output'];
  /**
   * Opaque position of the event in the stream of all events, the same on every instance:
   * pass the last one received as `claimEvents(after:)` to resume after a reconnect.
   */
  cursor: Scalars['String']['output'];
  /** For EVIDENCE_ADDED and EVIDENCE_RETRACTED: the evidence item. */
  evidence?: Maybe<Evidence>;
  /** Global ID of the change in the audit log (as `AuditEvent.id`): the same event has the same ID on every instance. */
  id: Scalars['ID']['output'];
  /** For CLAIMS_MERGED: the former ID of the claim that was merged away (it now resolves to `claim`). */
  mergedClaimId?: Maybe<Scalars['ID']['output']>;
  /** When the change was made: its transaction's time (PostgreSQL's `now()`), so a little before its commit. */
  occurredAt: Scalars['DateTime']['output'];
  /** For CLAIMS_LINKED and CLAIMS_UNLINKED: the claim at the other end of the link. */
  relatedClaim?: Maybe<Claim>;
  /** For STATEMENT_RECORDED and STATEMENT_RETRACTED: the statement. */
  statement?: Maybe<Statement>;
  /** What happened. */
  type: ClaimEventType;
  /** For VERDICT_PUBLISHED and VERDICT_RETRACTED: the verdict. */
  verdict?: Maybe<Verdict>;
};

/**
 * Which events a subscription receives. Every given criterion must hold; within one list, any
 * value does. Each list takes 1 to 100 values.
 */
export type ClaimEventFilter = {
  /**
   * Events whose statement or evidence item was made by one of these actors (global IDs), or
   * relayed by one (an actor anywhere in its attribution chain), and verdicts by one of them as reviewer.
   */
  actorIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /**
   * Events on these claims (global IDs): the claim itself, either end of a link, and both
   * claims of a merge. A merged claim's ID keeps matching the events of its former self.
   */
  claimIds?: InputMaybe<Array<Scalars['ID']['input']>>;
  /** Events on claims whose status is one of these (the claim's status when the event is delivered). */
  statuses?: InputMaybe<Array<ClaimStatus>>;
  /** Events on claims that have any of these topics (the claim's topics when the event is delivered). */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Only these kinds of events. */
  types?: InputMaybe<Array<ClaimEventType>>;
};

/** What happened to a claim. */
export type ClaimEventType =
  /** Two claims were linked (`claim` and `relatedClaim`). */
  | 'CLAIMS_LINKED'
  /** A claim was folded into another: `mergedClaimId` is gone, `claim` is the surviving claim. */
  | 'CLAIMS_MERGED'
  /** A link between two claims was removed (`claim` and `relatedClaim`). */
  | 'CLAIMS_UNLINKED'
  /** A claim was created. */
  | 'CLAIM_CREATED'
  /** A claim's wording, language or topics were edited, or another claim was merged into it. */
  | 'CLAIM_UPDATED'
  /** An evidence item was added. */
  | 'EVIDENCE_ADDED'
  /** An evidence item was withdrawn from the record. */
  | 'EVIDENCE_RETRACTED'
  /** A statement (an actor's stance on the claim) was recorded. */
  | 'STATEMENT_RECORDED'
  /** A statement was withdrawn from the record. */
  | 'STATEMENT_RETRACTED'
  /** A fact-checker's verdict was published. */
  | 'VERDICT_PUBLISHED'
  /** A verdict was withdrawn from the record. */
  | 'VERDICT_RETRACTED';

/** Filters for `Query.claims`; all given conditions must hold. */
export type ClaimFilter = {
  /** First seen at or after this time. */
  firstSeenAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** First seen before this time. */
  firstSeenBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Claims with (true) or without (false) a live verdict. */
  hasVerdict?: InputMaybe<Scalars['Boolean']['input']>;
  /** Claims in this language. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Claims with a live statement recorded in a source published by this actor. */
  publisher?: InputMaybe<Scalars['ID']['input']>;
  /** Claims this actor has a live statement on (with `stance`: claims this actor took that stance on). */
  saidBy?: InputMaybe<Scalars['ID']['input']>;
  /** Claims a source carries, through a live statement or evidence item. */
  source?: InputMaybe<Scalars['ID']['input']>;
  /** Claims with a live statement of this stance (`DENIES`: denied by anyone; with `saidBy`: by that actor). */
  stance?: InputMaybe<Stance>;
  /** Claims with any of these statuses. */
  status?: InputMaybe<Array<ClaimStatus>>;
  /** Claims with this topic. */
  topic?: InputMaybe<Scalars['String']['input']>;
  /** Updated at or after this time. */
  updatedAfter?: InputMaybe<Scalars['DateTime']['input']>;
  /** Updated before this time. */
  updatedBefore?: InputMaybe<Scalars['DateTime']['input']>;
  /** Claims with a live verdict of exactly this rating, e.g. `False`. */
  verdictRating?: InputMaybe<Scalars['String']['input']>;
};

/** A claim folded into another by mergeClaims. */
export type ClaimMergeRecord = {
  __typename?: 'ClaimMergeRecord';
  /** When the merge was made. */
  mergedAt: Scalars['DateTime']['output'];
  /** The merged claim's former ID: it now resolves to the surviving claim. */
  mergedClaimId: Scalars['ID']['output'];
  /** The merged claim's wording. */
  mergedText: Scalars['String']['output'];
  /** How many evidence items moved to the surviving claim. */
  movedEvidence: Scalars['Int']['output'];
  /**
   * How many links to other claims moved to the surviving claim. A link between the two
   * claims, or one the surviving claim already had, was dropped instead.
   */
  movedRelations: Scalars['Int']['output'];
  /** How many statements moved to the surviving claim. */
  movedStatements: Scalars['Int']['output'];
  /** How many verdicts moved to the surviving claim. */
  movedVerdicts: Scalars['Int']['output'];
  /** Why the claims were merged, as given to `mergeClaims`. */
  reason?: Maybe<Scalars['String']['output']>;
};

/** How `Query.claims` is sorted. Claims with equal values are ordered by ID, in the same direction. */
export type ClaimOrder = {
  /** Which way (default: largest or newest first). */
  direction?: OrderDirection;
  /** What to sort by. */
  field: ClaimOrderField;
};

/** What `Query.claims` can be sorted by. */
export type ClaimOrderField =
  /** When the claim was recorded (`Claim.createdAt`). */
  | 'CREATED_AT'
  /** How disputed: the smaller of the supporting (ASSERTS, CONCEDES) and opposing (DENIES, RETRACTS) statement counts. */
  | 'DISPUTE'
  /** When the claim was first seen (`Claim.firstSeenAt`). */
  | 'FIRST_SEEN_AT'
  /** Number of live statements. */
  | 'STATEMENT_COUNT'
  /** Last change to the claim or anything recorded on it (`Claim.updatedAt`). */
  | 'UPDATED_AT';

/** A typed link between two claims. */
export type ClaimRelation = Node & {
  __typename?: 'ClaimRelation';
  /** The claim at the other end. */
  claim: Claim;
  /** When the link was made. */
  createdAt: Scalars['DateTime']['output'];
  /** Seen from the claim it was reached through; OUTGOING when reached by ID or from `linkClaims`. */
  direction: RelationDirection;
  /** The subject of the relation. */
  from: Claim;
  /** Global ID: pass it to `Query.node` or `unlinkClaims`. */
  id: Scalars['ID']['output'];
  /** How the subject (`from`) bears on the object (`to`). */
  kind: ClaimRelationKind;
  /** The editor's note on the link. */
  note?: Maybe<Scalars['String']['output']>;
  /** The object of the relation. */
  to: Claim;
};

/**
 * How one claim bears on another. SUPPORTS and REFINES read one way, from `from` to `to`;
 * CONTRADICTS and DUPLICATES read both ways, so two claims have at most one such link of each kind.
 */
export type ClaimRelationKind =
  /** Both cannot be true. */
  | 'CONTRADICTS'
  /** Same claim, worded differently. */
  | 'DUPLICATES'
  /** This claim is a narrower or more precise version of the other. */
  | 'REFINES'
  /** This claim, if true, makes the other more likely. */
  | 'SUPPORTS';

/** What importing one ClaimReview did. */
export type ClaimReviewImportItem = {
  __typename?: 'ClaimReviewImportItem';
  /** The claim reviewed: the existing claim with the same wording and language, or a new one. */
  claim?: Maybe<Claim>;
  /** True when the claim was created, false when an existing claim matched. */
  claimCreated: Scalars['Boolean']['output'];
  /** Position of the review in the document (0-based). */
  index: Scalars['Int']['output'];
  /** The verdict the review is recorded as. */
  verdict?: Maybe<Verdict>;
  /** True when the verdict was created, false when the same review was already recorded. */
  verdictCreated: Scalars['Boolean']['output'];
};

/** A page of search results, best match first (a Relay connection). */
export type ClaimSearchConnection = {
  __typename?: 'ClaimSearchConnection';
  /** The results of this page, with their rank and highlights. */
  edges: Array<ClaimSearchEdge>;
  /** The claims of this page, without cursors, ranks or highlights. */
  nodes: Array<Claim>;
  /** Whether there are more pages, and the cursor to ask for the next. */
  pageInfo: PageInfo;
  /** How many claims match, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A search result. */
export type ClaimSearchEdge = {
  __typename?: 'ClaimSearchEdge';
  /** Opaque position of the result in the ranking: pass it as `after` for the results after it. */
  cursor: Scalars['String']['output'];
  /**
   * Where the query matched, with the matching words marked `<b>...</b>`: the wording, and
   * each live statement and evidence item that matches the whole query on its own (all of them).
   */
  highlights: Array<SearchHighlight>;
  /** The matching claim. */
  node: Claim;
  /** Relevance (PostgreSQL ts_rank: the wording weighs most, then quotes, then evidence): higher is better. */
  rank: Scalars['Float']['output'];
};

/**
 * Dashboard counts over a set of claims. The ranked lists are top-N lists (`first`, most
 * first), not paginated: a tile shows the head of the ranking.
 */
export type ClaimStats = {
  __typename?: 'ClaimStats';
  /** The actors on record for the most claims (with `stance`: who took that stance on the most claims). */
  byActor: Array<ActorCount>;
  /** The publishers whose sources carry the most claims. */
  byPublisher: Array<ActorCount>;
  /** Claims per status, most first; a status no claim has is left out. */
  byStatus: Array<StatusCount>;
  /** The most frequent topics. */
  byTopic: Array<TopicCount>;
  /** The most disputed claims (see ClaimOrderField.DISPUTE); claims without both a supporting and an opposing statement are left out. */
  mostDisputed: Array<Claim>;
  /** The newest live denials on these claims, newest first. */
  newestDenials: Array<Statement>;
  /**
   * Claims per day (UTC) over [from, to), by the date `field` names: every day the range
   * touches, oldest first, days without claims included. The range spans at most 366 days.
   */
  perDay: Array<DayCount>;
  /** How many claims. */
  total: Scalars['Int']['output'];
};


/**
 * Dashboard counts over a set of claims. The ranked lists are top-N lists (`first`, most
 * first), not paginated: a tile shows the head of the ranking.
 */
export type ClaimStatsByActorArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  stance?: InputMaybe<Stance>;
};


/**
 * Dashboard counts over a set of claims. The ranked lists are top-N lists (`first`, most
 * first), not paginated: a tile shows the head of the ranking.
 */
export type ClaimStatsByPublisherArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Dashboard counts over a set of claims. The ranked lists are top-N lists (`first`, most
 * first), not paginated: a tile shows the head of the ranking.
 */
export type ClaimStatsByTopicArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Dashboard counts over a set of claims. The ranked lists are top-N lists (`first`, most
 * first), not paginated: a tile shows the head of the ranking.
 */
export type ClaimStatsMostDisputedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Dashboard counts over a set of claims. The ranked lists are top-N lists (`first`, most
 * first), not paginated: a tile shows the head of the ranking.
 */
export type ClaimStatsNewestDenialsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * Dashboard counts over a set of claims. The ranked lists are top-N lists (`first`, most
 * first), not paginated: a tile shows the head of the ranking.
 */
export type ClaimStatsPerDayArgs = {
  field?: InputMaybe<ClaimDateField>;
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/**
 * Where a claim stands. It is derived, never set by hand:
 * - the latest (by `reviewedAt`) non-retracted verdict decides, with its `conclusion`
 *   (SUPPORTED, REFUTED or MIXED);
 * - with no verdict, DISPUTED when the live statements include both a supporting
 *   stance (ASSERTS or CONCEDES) and an opposing one (DENIES or RETRACTS), otherwise UNVERIFIED.
 * It is recomputed in the same transaction as every statement, verdict or retraction.
 */
export type ClaimStatus =
  /** Some actors assert it and others deny it; no fact-checker has ruled. */
  | 'DISPUTED'
  /** The latest verdict finds it partly true, misleading or unproven either way. */
  | 'MIXED'
  /** The latest verdict finds it false or mostly false. */
  | 'REFUTED'
  /** The latest verdict finds it true or mostly true. */
  | 'SUPPORTED'
  /** Nobody on record disagrees yet, and no fact-checker has ruled. */
  | 'UNVERIFIED';

/** An actor to create. */
export type CreateActorInput = {
  /** Where they belong, up to 300 characters. */
  affiliation?: InputMaybe<Scalars['String']['input']>;
  /** Other names, up to 20; none may name another actor. */
  aliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Who they are, up to 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** What kind of actor it is. */
  kind: ActorKind;
  /** The name, up to 200 characters; no other actor may have it as a name or alias. */
  name: Scalars['String']['input'];
};

/** An API key to create. */
export type CreateApiKeyInput = {
  /** When the key stops working (default: never). */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What to call the key, up to 200 characters. */
  name: Scalars['String']['input'];
  /** What it may do; a key can only create keys with no permission it lacks itself. */
  role: Role;
  /** Narrow the key to some of its role's permissions (default: all of them). */
  scopes?: InputMaybe<Array<Permission>>;
};

/** What `createApiKey` did. */
export type CreateApiKeyPayload = {
  __typename?: 'CreateApiKeyPayload';
  /** The new key; null when `userErrors` is not empty. */
  apiKey?: Maybe<ApiKey>;
  /** The key in clear. Shown this once: only its hash is stored. */
  secret?: Maybe<Scalars['String']['output']>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** A claim to create. */
export type CreateClaimInput = {
  /** When the claim was first seen; default now. */
  firstSeenAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** BCP-47 language tag; default `en`. */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Canonical wording, 1 to 1,000 characters. */
  text: Scalars['String']['input'];
  /** Up to 20 topic slugs. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What `createClaim` did. */
export type CreateClaimPayload = {
  __typename?: 'CreateClaimPayload';
  /** The new claim; null when `userErrors` is not empty. */
  claim?: Maybe<Claim>;
  /** Existing claims worded much like the new one (similarity >= 0.5): check them for duplicates. */
  possibleDuplicates: Array<SimilarClaim>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** An endpoint to register. */
export type CreateWebhookEndpointInput = {
  /** What the endpoint is for, up to 500 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The events to send it, at least one. */
  eventTypes: Array<WebhookEventType>;
  /** Where deliveries are POSTed (http or https). */
  url: Scalars['String']['input'];
};

/** What `createWebhookEndpoint` did. */
export type CreateWebhookEndpointPayload = {
  __typename?: 'CreateWebhookEndpointPayload';
  /** The new endpoint; null when `userErrors` is not empty. */
  endpoint?: Maybe<WebhookEndpoint>;
  /** The signing secret (`whsec_...`) for verifying deliveries. Shown this once. */
  secret?: Maybe<Scalars['String']['output']>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** How many claims fall on one day. */
export type DayCount = {
  __typename?: 'DayCount';
  /** Number of claims whose date falls on that day (0 included). */
  count: Scalars['Int']['output'];
  /** The day, as YYYY-MM-DD (UTC). */
  day: Scalars['String']['output'];
};

/**
 * Which endpoint to delete. The same shape as `UnlinkClaimsInput` and `RevokeApiKeyInput`, on
 * purpose: every mutation has an input type of its own, so each can gain fields alone.
 */
export type DeleteWebhookEndpointInput = {
  /** The endpoint's ID (`WebhookEndpoint.id`). */
  id: Scalars['ID']['input'];
};

/** What `deleteWebhookEndpoint` did. */
export type DeleteWebhookEndpointPayload = {
  __typename?: 'DeleteWebhookEndpointPayload';
  /** Global ID of the removed endpoint. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** An item that supports, contradicts or gives context to a claim. */
export type Evidence = Node & {
  __typename?: 'Evidence';
  /** Whose analysis, act or words this is, when it is one actor's. */
  actor?: Maybe<Actor>;
  /**
   * How it reached `source` from `actor`, `actor` first (expert -> AFP -> BGNES): the whole
   * chain, at most 12 hops; empty when the item has no `actor`.
   */
  attribution: Array<AttributionHop>;
  /** The claim the item bears on. */
  claim: Claim;
  /** When the item was recorded in claimtrail (lists of evidence go by it). */
  createdAt: Scalars['DateTime']['output'];
  /** Which way it bears on the claim. */
  direction: EvidenceDirection;
  /** Verbatim words from the source, when the item rests on them. */
  excerpt?: Maybe<Scalars['String']['output']>;
  /** Every change to the evidence item, oldest first. */
  history: AuditEventConnection;
  /** Global ID: pass it to `Query.node` or `retractEvidence`. */
  id: Scalars['ID']['output'];
  /** What the item is. */
  kind: EvidenceKind;
  /** When the evidenced fact happened or was observed. */
  observedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Set when the item was withdrawn from the record. */
  retractedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the item was withdrawn; null unless it was. */
  retractionReason?: Maybe<Scalars['String']['output']>;
  /** The source the item was found in. */
  source: Source;
  /** What the item shows, in the editor's words. */
  summary: Scalars['String']['output'];
};


/** An item that supports, contradicts or gives context to a claim. */
export type EvidenceHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** Which way an evidence item bears on its claim. */
export type EvidenceDirection =
  /** Bears on the claim without settling it either way. */
  | 'CONTEXT'
  /** Makes the claim more likely to be false. */
  | 'CONTRADICTS'
  /** Makes the claim more likely to be true. */
  | 'SUPPORTS';

/** What an evidence item is. */
export type EvidenceKind =
  /** Data or statistics. */
  | 'DATA'
  /** A document: a record, filing, letter or the like. */
  | 'DOCUMENT'
  /** An expert's analysis or assessment. */
  | 'EXPERT_ANALYSIS'
  /** Photographs, video or satellite imagery. */
  | 'IMAGERY'
  /** A news report. */
  | 'MEDIA_REPORT'
  /** An official act or vote (a UN veto). */
  | 'OFFICIAL_ACT'
  /** Anything else (the kind of an item added without one). */
  | 'OTHER'
  /** Someone's statement used as evidence. */
  | 'STATEMENT';

/** How a hop's actor came by the words. */
export type HopRelation =
  /** Carried the previous hop's report as it was (a wire story republished). */
  | 'CARRIED_BY'
  /** Published the words first-hand (the speaker's own statement or site). */
  | 'PUBLISHED'
  /** Quoted the previous hop (`quoted by Russian state media`). */
  | 'QUOTED_BY'
  /** Reported what the previous hop said or published. */
  | 'REPORTED_BY'
  /** The original speaker (always the first hop). */
  | 'SPOKE'
  /** Was told directly by the previous hop (an interview: `told AFP`). */
  | 'TOLD'
  /** Translated the previous hop's words. */
  | 'TRANSLATED_BY';

/** A ClaimReview document to import. */
export type ImportClaimReviewInput = {
  /** A ClaimReview JSON-LD document: one object, an array of them, or `{"@graph": [...]}`. */
  document: Scalars['JSON']['input'];
};

/** What `importClaimReview` did. */
export type ImportClaimReviewPayload = {
  __typename?: 'ImportClaimReviewPayload';
  /** One item per review, in document order; null when `userErrors` is not empty (then nothing was imported). */
  items?: Maybe<Array<ClaimReviewImportItem>>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** A link to make between two claims. */
export type LinkClaimsInput = {
  /** The subject's global ID. */
  fromClaimId: Scalars['ID']['input'];
  /** How the subject bears on the object; a link already there (either way round for CONTRADICTS and DUPLICATES) is a DUPLICATE. */
  kind: ClaimRelationKind;
  /** An editor's note, up to 1,000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
  /** The object's global ID (not the subject's). */
  toClaimId: Scalars['ID']['input'];
};

/** What `linkClaims` did. */
export type LinkClaimsPayload = {
  __typename?: 'LinkClaimsPayload';
  /** The new link, seen from the subject (OUTGOING); null when `userErrors` is not empty. */
  relation?: Maybe<ClaimRelation>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** Which claim to fold into which. */
export type MergeClaimsInput = {
  /** Why, up to 1,000 characters. */
  reason?: InputMaybe<Scalars['String']['input']>;
  /** The claim that goes away. */
  sourceId: Scalars['ID']['input'];
  /** The claim that stays. */
  targetId: Scalars['ID']['input'];
};

/** What `mergeClaims` did. */
export type MergeClaimsPayload = {
  __typename?: 'MergeClaimsPayload';
  /** The surviving claim. */
  claim?: Maybe<Claim>;
  /** The record of the merge (also listed in the surviving claim's `mergedFrom`). */
  merge?: Maybe<ClaimMergeRecord>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** Add an evidence item to a claim (WRITE_CLAIMS). */
  addEvidence: AddEvidencePayload;
  /** Record a fact-checker's verdict (PUBLISH_VERDICTS); it becomes the claim's latest if it is the newest. */
  addVerdict: AddVerdictPayload;
  /** Create an actor (WRITE_CLAIMS); fails if the name or an alias is taken. */
  createActor: ActorPayload;
  /** Create an API key (MANAGE_KEYS). The payload holds the key in clear, once. */
  createApiKey: CreateApiKeyPayload;
  /** Create a claim (WRITE_CLAIMS). */
  createClaim: CreateClaimPayload;
  /** Register a webhook endpoint (MANAGE_WEBHOOKS). */
  createWebhookEndpoint: CreateWebhookEndpointPayload;
  /** Remove an endpoint and its delivery log (MANAGE_WEBHOOKS). */
  deleteWebhookEndpoint: DeleteWebhookEndpointPayload;
  /**
   * Import schema.org ClaimReview JSON-LD (PUBLISH_VERDICTS): claims, their authors and
   * appearances, reviewers and verdicts, reusing what exists. Importing the same document
   * again creates nothing.
   */
  importClaimReview: ImportClaimReviewPayload;
  /** Link two claims (WRITE_CLAIMS). */
  linkClaims: LinkClaimsPayload;
  /**
   * Fold one claim into another (MERGE_CLAIMS): its statements, evidence, verdicts and relations move
   * to the surviving claim, the merge is recorded, and the merged claim's ID resolves to
   * the surviving claim from then on.
   */
  mergeClaims: MergeClaimsPayload;
  /**
   * Record an actor's stance on a claim, with the source and the attribution chain (WRITE_CLAIMS).
   * The actor, the source's publisher and every hop's actor may be given by ID or by
   * name; the source by ID or URL (or title and publisher, for a document with no URL).
   * Existing ones are reused, missing ones created, in the same transaction.
   */
  recordStatement: RecordStatementPayload;
  /** Withdraw an evidence item from the record (WRITE_CLAIMS); it stays visible with `includeRetracted`. */
  retractEvidence: RetractEvidencePayload;
  /** Withdraw a statement from the record (WRITE_CLAIMS); it stays visible with `includeRetracted`. */
  retractStatement: RetractStatementPayload;
  /** Withdraw a verdict (PUBLISH_VERDICTS); the status falls back to the previous one. */
  retractVerdict: RetractVerdictPayload;
  /** Revoke an API key at once (MANAGE_KEYS). */
  revokeApiKey: RevokeApiKeyPayload;
  /** Remove a link between claims (DELETE). */
  unlinkClaims: UnlinkClaimsPayload;
  /** Edit an actor: description, affiliation, name, aliases (WRITE_CLAIMS). */
  updateActor: ActorPayload;
  /** Edit a claim's wording, language or topics (WRITE_CLAIMS). */
  updateClaim: UpdateClaimPayload;
  /** Edit a source's metadata (WRITE_CLAIMS). */
  updateSource: SourcePayload;
  /** Change an endpoint's URL, events, description, or pause it (MANAGE_WEBHOOKS). */
  updateWebhookEndpoint: WebhookEndpointPayload;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationAddEvidenceArgs = {
  input: AddEvidenceInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationAddVerdictArgs = {
  input: AddVerdictInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationCreateActorArgs = {
  input: CreateActorInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationCreateApiKeyArgs = {
  input: CreateApiKeyInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationCreateClaimArgs = {
  input: CreateClaimInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationCreateWebhookEndpointArgs = {
  input: CreateWebhookEndpointInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationDeleteWebhookEndpointArgs = {
  input: DeleteWebhookEndpointInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationImportClaimReviewArgs = {
  input: ImportClaimReviewInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationLinkClaimsArgs = {
  input: LinkClaimsInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationMergeClaimsArgs = {
  input: MergeClaimsInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationRecordStatementArgs = {
  input: RecordStatementInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationRetractEvidenceArgs = {
  input: RetractInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationRetractStatementArgs = {
  input: RetractInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationRetractVerdictArgs = {
  input: RetractInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationRevokeApiKeyArgs = {
  input: RevokeApiKeyInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationUnlinkClaimsArgs = {
  input: UnlinkClaimsInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationUpdateActorArgs = {
  input: UpdateActorInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationUpdateClaimArgs = {
  input: UpdateClaimInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationUpdateSourceArgs = {
  input: UpdateSourceInput;
};


/**
 * Every write. Each names the permission its API key needs; expected failures come back in
 * the payload's `userErrors`, and then nothing was written.
 */
export type MutationUpdateWebhookEndpointArgs = {
  input: UpdateWebhookEndpointInput;
};

/** Anything with a global ID. */
export type Node = {
  /** Global ID: pass it to `Query.node`. */
  id: Scalars['ID']['output'];
};

/** Which way a list is sorted. */
export type OrderDirection =
  /** Smallest or oldest first. */
  | 'ASC'
  /** Largest or newest first. */
  | 'DESC';

/**
 * Relay page information. Pages go forward (`first`, `after`: pass `endCursor`) or backward
 * (`last`, `before`: pass `startCursor`).
 */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Cursor of the page's last item, to pass as `after` for the next page; null for an empty page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when more items follow this page (going backward: when the page was asked for with `before`). */
  hasNextPage: Scalars['Boolean']['output'];
  /** True when items come before this page (going forward: when the page was asked for with `after`). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the page's first item, to pass as `before` for the previous page; null for an empty page. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** Permissions granted by roles; a key's `scopes` can narrow its role to some of them. */
export type Permission =
  /** NDJSON export over HTTP (GET /export/claims). */
  | 'BULK_EXPORT'
  /** NDJSON import over HTTP (POST /import/claims). */
  | 'BULK_IMPORT'
  /** unlinkClaims. */
  | 'DELETE'
  /** createApiKey, revokeApiKey, apiKeys. */
  | 'MANAGE_KEYS'
  /** Webhook endpoints and their deliveries. */
  | 'MANAGE_WEBHOOKS'
  /** mergeClaims. */
  | 'MERGE_CLAIMS'
  /** addVerdict, retractVerdict, importClaimReview. */
  | 'PUBLISH_VERDICTS'
  /** createClaim, updateClaim, recordStatement, retractStatement, addEvidence, retractEvidence, actors, sources, linkClaims. */
  | 'WRITE_CLAIMS';

/**
 * Everything that backs a claim, so a dashboard can draw it: the live statements and
 * evidence with their chains, every source and every actor involved. Its lists are whole,
 * not paginated: they are bounded by the 500 statements and evidence items it covers.
 */
export type Provenance = {
  __typename?: 'Provenance';
  /**
   * Every actor involved, each once with all its roles: speakers first, then evidence
   * authors, relays, publishers and reviewers, in the order they were found.
   */
  actors: Array<ProvenanceActor>;
  /** One chain per live statement and evidence item. */
  chains: Array<AttributionChain>;
  /** Every source on record: the recording sources and the documents at intermediate hops. */
  sources: Array<Source>;
  /** True when the claim has more than 500 statements and evidence items and only the first 500 are here. */
  truncated: Scalars['Boolean']['output'];
};

/** An actor in a claim's provenance, with every role it plays there. */
export type ProvenanceActor = {
  __typename?: 'ProvenanceActor';
  /** The actor. */
  actor: Actor;
  /** Its roles, each once, in the order they were found. */
  roles: Array<ProvenanceRole>;
};

/** What part an actor plays in a claim's provenance. */
export type ProvenanceRole =
  /** Is behind an evidence item. */
  | 'EVIDENCE_AUTHOR'
  /** Published a source on record for the claim. */
  | 'PUBLISHER'
  /** Relayed someone's words (told, quoted, reported, carried, translated). */
  | 'RELAY'
  /** Published a verdict. */
  | 'REVIEWER'
  /** Took a stance on the claim. */
  | 'SPEAKER';

/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type Query = {
  __typename?: 'Query';
  /** One actor by ID; null if there is none. */
  actor?: Maybe<Actor>;
  /** An actor by its name or one of its aliases (case and spacing do not matter). */
  actorByName?: Maybe<Actor>;
  /** Actors, by name (A to Z). */
  actors: ActorConnection;
  /** API keys (MANAGE_KEYS), oldest first; all of them, as an installation has few. */
  apiKeys: Array<ApiKey>;
  /** One claim by ID; null if there is none. A merged claim's ID gives the claim it was merged into. */
  claim?: Maybe<Claim>;
  /** Counts for dashboard tiles, over the claims matching `filter`. */
  claimStats: ClaimStats;
  /** Claims, newest update first unless `orderBy` says otherwise. */
  claims: ClaimConnection;
  /**
   * Any object by its global ID; null when the ID is malformed, names nothing, or names an
   * object that is not a `Node` (an API key, say). A merged claim's ID gives the claim it
   * was merged into.
   */
  node?: Maybe<Node>;
  /** Several objects by global ID, in the order asked; null where an ID resolves to nothing. */
  nodes: Array<Maybe<Node>>;
  /**
   * Full-text search over claim wording, statement quotes and paraphrases, and evidence.
   * Web-search syntax: words must all match, "quoted phrases", `or` between
   * alternatives, `-word` to exclude. Words are stemmed for each claim's language and
   * also matched as written. Best match first; combinable with the list filters.
   */
  searchClaims: ClaimSearchConnection;
  /**
   * Claims worded like `text` (trigram similarity of the wording, with full-text
   * matching as a second signal), most similar first: candidates for duplicates.
   * A short list of the best candidates, not paginated: raise `first` or `threshold` instead.
   */
  similarClaims: Array<SimilarClaim>;
  /** One source by ID; null if there is none. */
  source?: Maybe<Source>;
  /** A source by its URL (canonicalized the same way as when it was recorded). */
  sourceByUrl?: Maybe<Source>;
  /** Sources, most recently added first. */
  sources: SourceConnection;
  /** Who this request acts for, and what it may do. */
  viewer: Viewer;
  /** Recent webhook deliveries, newest first (MANAGE_WEBHOOKS): the newest `first` only, a recent log without further pages. */
  webhookDeliveries: Array<WebhookDelivery>;
  /** Webhook endpoints (MANAGE_WEBHOOKS), oldest first; all of them, as an installation has few. */
  webhookEndpoints: Array<WebhookEndpoint>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryActorArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryActorByNameArgs = {
  name: Scalars['String']['input'];
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryActorsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ActorFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryApiKeysArgs = {
  includeRevoked?: InputMaybe<Scalars['Boolean']['input']>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryClaimArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryClaimStatsArgs = {
  filter?: InputMaybe<ClaimFilter>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClaimFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  orderBy?: InputMaybe<ClaimOrder>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryNodesArgs = {
  ids: Array<Scalars['ID']['input']>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QuerySearchClaimsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClaimFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  language?: InputMaybe<Scalars['String']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
  query: Scalars['String']['input'];
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QuerySimilarClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  text: Scalars['String']['input'];
  threshold?: InputMaybe<Scalars['Float']['input']>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QuerySourceArgs = {
  id: Scalars['ID']['input'];
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QuerySourceByUrlArgs = {
  url: Scalars['String']['input'];
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QuerySourcesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<SourceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** Every read. Anonymous requests may read everything here except API keys and webhooks. */
export type QueryWebhookDeliveriesArgs = {
  endpointId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/** A stance to record. */
export type RecordStatementInput = {
  /** Who took it: the original speaker, not the outlet that relayed it. */
  actor: ActorRefInput;
  /** The claim's global ID (a merged claim's ID records on the claim it was merged into). */
  claimId: Scalars['ID']['input'];
  /** Language of `quote` and `paraphrase` (BCP-47 tag). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** Summary when there is no direct quote. */
  paraphrase?: InputMaybe<Scalars['String']['input']>;
  /** Exact words, up to 5,000 characters. */
  quote?: InputMaybe<Scalars['String']['input']>;
  /** The document that records the statement. */
  source: SourceRefInput;
  /** The position taken. */
  stance: Stance;
  /** When it was said; an earlier date than the claim's `firstSeenAt` moves that back. */
  statedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * Relays between the speaker and the source, in order (`[{relation: TOLD, actor: {name: "AFP"}}]`).
   * The chain is stored as: the speaker (SPOKE), these hops, then the source's
   * publisher (REPORTED_BY) unless the last hop already is that publisher. The last hop
   * carries the source.
   */
  via?: InputMaybe<Array<AttributionHopInput>>;
};

/** What `recordStatement` did. */
export type RecordStatementPayload = {
  __typename?: 'RecordStatementPayload';
  /** The claim, with its status and counts recomputed. */
  claim?: Maybe<Claim>;
  /** The new statement; null when `userErrors` is not empty. */
  statement?: Maybe<Statement>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** Which end of a relation the claim asked about is on. */
export type RelationDirection =
  /** `claim` is the subject: it SUPPORTS/CONTRADICTS/... the claim asked about. */
  | 'INCOMING'
  /** The claim asked about is the subject: it SUPPORTS/CONTRADICTS/... `claim`. */
  | 'OUTGOING';

/** What `retractEvidence` did. */
export type RetractEvidencePayload = {
  __typename?: 'RetractEvidencePayload';
  /** The claim, as changed. */
  claim?: Maybe<Claim>;
  /** The evidence item, now retracted; null when `userErrors` is not empty. */
  evidence?: Maybe<Evidence>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** Which statement, evidence item or verdict to withdraw, and why (one input for the three retractions). */
export type RetractInput = {
  /** Its global ID; one already retracted is a CONFLICT. */
  id: Scalars['ID']['input'];
  /** Why it is withdrawn, 1 to 1,000 characters. */
  reason: Scalars['String']['input'];
};

/** What `retractStatement` did. */
export type RetractStatementPayload = {
  __typename?: 'RetractStatementPayload';
  /** The claim, with its status and counts recomputed. */
  claim?: Maybe<Claim>;
  /** The statement, now retracted; null when `userErrors` is not empty. */
  statement?: Maybe<Statement>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** What `retractVerdict` did. */
export type RetractVerdictPayload = {
  __typename?: 'RetractVerdictPayload';
  /** The claim, with its status recomputed. */
  claim?: Maybe<Claim>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
  /** The verdict, now retracted; null when `userErrors` is not empty. */
  verdict?: Maybe<Verdict>;
};

/**
 * Which key to revoke. The same shape as `UnlinkClaimsInput` and `DeleteWebhookEndpointInput`, on
 * purpose: every mutation has an input type of its own, so each can gain fields alone.
 */
export type RevokeApiKeyInput = {
  /** The key's ID (`ApiKey.id`, as `apiKeys` lists it). */
  id: Scalars['ID']['input'];
};

/** What `revokeApiKey` did. */
export type RevokeApiKeyPayload = {
  __typename?: 'RevokeApiKeyPayload';
  /** The key, now revoked; null when `userErrors` is not empty. */
  apiKey?: Maybe<ApiKey>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * What an API key may do. Each role includes the ones before it. Requests without a key
 * are anonymous: they read, nothing else.
 */
export type Role =
  /** Everything: API keys, webhooks, merges, deletes. */
  | 'ADMIN'
  /** Also records claims, statements, evidence, actors, sources and links; imports in bulk. */
  | 'EDITOR'
  /** Also publishes and retracts verdicts, and imports ClaimReview. */
  | 'FACT_CHECKER'
  /** Reads, and exports in bulk (BULK_EXPORT). */
  | 'VIEWER';

/** The text of a claim that a search matched in. */
export type SearchField =
  /** The claim's wording. */
  | 'CLAIM_TEXT'
  /** A live evidence item's summary or excerpt. */
  | 'EVIDENCE'
  /** A live statement's quote or paraphrase. */
  | 'STATEMENT';

/** A fragment of text where a search matched. */
export type SearchHighlight = {
  __typename?: 'SearchHighlight';
  /** The evidence item that matched, for field EVIDENCE. */
  evidence?: Maybe<Evidence>;
  /** Which text the fragment is from. */
  field: SearchField;
  /** The fragment, with matches wrapped in <b></b>. */
  snippet: Scalars['String']['output'];
  /** The statement that matched, for field STATEMENT. */
  statement?: Maybe<Statement>;
};

/** A claim worded like the text asked about. */
export type SimilarClaim = {
  __typename?: 'SimilarClaim';
  /** The existing claim. */
  claim: Claim;
  /** Trigram similarity of the wordings, 0 to 1. */
  similarity: Scalars['Float']['output'];
};

/** A document in which something was said or reported. */
export type Source = Node & {
  __typename?: 'Source';
  /** A copy in a web archive. */
  archiveUrl?: Maybe<Scalars['String']['output']>;
  /** Claims this source carries (through its statements or evidence), most recently updated first. */
  claims: Array<Claim>;
  /** Hash of the content as retrieved (e.g. `sha256:...`). */
  contentHash?: Maybe<Scalars['String']['output']>;
  /** When the source was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Every change to the source, oldest first. */
  history: AuditEventConnection;
  /** Global ID: pass it to `Query.node` or `Query.source`, or to mutations as `SourceRefInput.id`. */
  id: Scalars['ID']['output'];
  /** What kind of document it is. */
  kind: SourceKind;
  /** Language of the document (BCP-47 tag), when known. */
  language?: Maybe<Scalars['String']['output']>;
  /** When the document was published, when known. */
  publishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The outlet or body that published it. */
  publisher?: Maybe<Actor>;
  /** When claimtrail's editors read or archived it. */
  retrievedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Statements this source records, oldest first. */
  statements: Array<Statement>;
  /** The document's title. */
  title: Scalars['String']['output'];
  /** Last edit to the source's metadata. */
  updatedAt: Scalars['DateTime']['output'];
  /** Canonical URL (lower-case host, no fragment, no tracking parameters); null for a document with no URL. */
  url?: Maybe<Scalars['String']['output']>;
};


/** A document in which something was said or reported. */
export type SourceClaimsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};


/** A document in which something was said or reported. */
export type SourceHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};


/** A document in which something was said or reported. */
export type SourceStatementsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  includeRetracted?: InputMaybe<Scalars['Boolean']['input']>;
  offset?: InputMaybe<Scalars['Int']['input']>;
};

/** A page of sources (a Relay connection). */
export type SourceConnection = {
  __typename?: 'SourceConnection';
  /** The sources of this page, each with its cursor. */
  edges: Array<SourceEdge>;
  /** The sources of this page, without cursors. */
  nodes: Array<Source>;
  /** Whether there are more pages, and the cursor to ask for the next. */
  pageInfo: PageInfo;
  /** How many sources match the filter, over all pages. */
  totalCount: Scalars['Int']['output'];
};

/** A source in a page of sources. */
export type SourceEdge = {
  __typename?: 'SourceEdge';
  /** Opaque position of the source in the list: pass it as `after` to continue after it. */
  cursor: Scalars['String']['output'];
  /** The source. */
  node: Source;
};

/** Filters for `Query.sources`; all given conditions must hold. */
export type SourceFilter = {
  /** Sources of this kind. */
  kind?: InputMaybe<SourceKind>;
  /** Sources published by this actor (`Actor.id`). */
  publisherId?: InputMaybe<Scalars['ID']['input']>;
};

/** What kind of document a source is. */
export type SourceKind =
  /** A data set. */
  | 'DATASET'
  /** An interview. */
  | 'INTERVIEW'
  /** A news article (the kind of a new source when none is given). */
  | 'NEWS_ARTICLE'
  /** A government's or an organization's own statement. */
  | 'OFFICIAL_STATEMENT'
  /** Anything else. */
  | 'OTHER'
  /** A press release. */
  | 'PRESS_RELEASE'
  /** A report or study. */
  | 'REPORT'
  /** A post on a social network. */
  | 'SOCIAL_POST'
  /** A video. */
  | 'VIDEO'
  /** A news agency's dispatch. */
  | 'WIRE_REPORT';

/** What `updateSource` did. */
export type SourcePayload = {
  __typename?: 'SourcePayload';
  /** The source as changed; null when `userErrors` is not empty. */
  source?: Maybe<Source>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/**
 * A source, by `id`, by `url` (canonicalized; created when unknown), or, for a document
 * with no URL, by `title` and `publisher` together. The other fields are stored when the
 * source is created; an existing source keeps its metadata (change it with `updateSource`).
 */
export type SourceRefInput = {
  /** A copy in a web archive (absolute http(s) URL). */
  archiveUrl?: InputMaybe<Scalars['String']['input']>;
  /** Hash of the content as retrieved (e.g. `sha256:...`), up to 200 characters. */
  contentHash?: InputMaybe<Scalars['String']['input']>;
  /** An existing source's global ID (`Source.id`), given alone. */
  id?: InputMaybe<Scalars['ID']['input']>;
  /** What kind of document it is (default NEWS_ARTICLE). */
  kind?: InputMaybe<SourceKind>;
  /** Language of the document (BCP-47 tag). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** When the document was published. */
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The outlet or body that published it, by ID or name; with `title`, identifies a document with no URL. */
  publisher?: InputMaybe<ActorRefInput>;
  /** When it was read or archived. */
  retrievedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** Needed when the source is created. */
  title?: InputMaybe<Scalars['String']['input']>;
  /** The document's absolute http(s) URL, up to 2,048 characters. */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** An actor's position on a claim. */
export type Stance =
  /** Says the claim is true (including accusations). */
  | 'ASSERTS'
  /** Admits it, having denied or been accused. */
  | 'CONCEDES'
  /** Says the claim is false. */
  | 'DENIES'
  /** Casts doubt on it without denying it. */
  | 'QUESTIONS'
  /** Withdraws an earlier assertion. */
  | 'RETRACTS';

/** An actor's stance on a claim, in their words, as recorded by a source. */
export type Statement = Node & {
  __typename?: 'Statement';
  /** Who took the stance (the original speaker, not the outlet that relayed it). */
  actor: Actor;
  /**
   * How the words travelled from the speaker to `source`, speaker first: the whole chain,
   * at most 12 hops (the speaker, up to 10 relays, the publisher).
   */
  attribution: Array<AttributionHop>;
  /** The claim the stance is on. */
  claim: Claim;
  /** When the statement was recorded in claimtrail (lists of statements go by it). */
  createdAt: Scalars['DateTime']['output'];
  /** Every change to the statement, oldest first. */
  history: AuditEventConnection;
  /** Global ID: pass it to `Query.node` or `retractStatement`. */
  id: Scalars['ID']['output'];
  /** Language of `quote` and `paraphrase` (BCP-47 tag), when given. */
  language?: Maybe<Scalars['String']['output']>;
  /** The editor's summary, when there is no direct quote. */
  paraphrase?: Maybe<Scalars['String']['output']>;
  /** The exact words, when the source gives them (`absurd`). */
  quote?: Maybe<Scalars['String']['output']>;
  /** Set when the statement was withdrawn from the record (wrongly attributed, say). */
  retractedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the statement was withdrawn; null unless it was. */
  retractionReason?: Maybe<Scalars['String']['output']>;
  /** The source that recorded the statement. */
  source: Source;
  /** The position taken. */
  stance: Stance;
  /** When it was said, when known. */
  statedAt?: Maybe<Scalars['DateTime']['output']>;
};


/** An actor's stance on a claim, in their words, as recorded by a source. */
export type StatementHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** How many claims have one status. */
export type StatusCount = {
  __typename?: 'StatusCount';
  /** Number of claims. */
  count: Scalars['Int']['output'];
  /** The status. */
  status: ClaimStatus;
};

/**
 * Live updates, over the graphql-ws protocol (WebSocket, subprotocol `graphql-transport-ws`) on the
 * same URL as queries. The API key goes in the `connection_init` payload as
 * `{"authorization": "Bearer <key>"}`; without one the connection reads as an anonymous reader.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /**
   * Changes to claims as they are committed, oldest first, each exactly once: a new claim,
   * an edit, a statement, evidence, a verdict, a retraction, a merge, a link. Every instance
   * delivers every change, whichever instance made it (events travel through the database).
   * With `after`, first every matching event since that cursor (in order), then live ones,
   * with no gap and no duplicate: a client that reconnects passes the cursor of the last
   * event it received. A cursor older than the replay window fails with `CURSOR_EXPIRED`:
   * read the claims again with a query, then subscribe without `after`.
   */
  claimEvents: ClaimEvent;
};


/**
 * Live updates, over the graphql-ws protocol (WebSocket, subprotocol `graphql-transport-ws`) on the
 * same URL as queries. The API key goes in the `connection_init` payload as
 * `{"authorization": "Bearer <key>"}`; without one the connection reads as an anonymous reader.
 */
export type SubscriptionClaimEventsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ClaimEventFilter>;
};

/** How many claims have one topic. */
export type TopicCount = {
  __typename?: 'TopicCount';
  /** Number of claims. */
  count: Scalars['Int']['output'];
  /** The topic slug. */
  topic: Scalars['String']['output'];
};

/**
 * Which link to remove. The same shape as `RevokeApiKeyInput` and `DeleteWebhookEndpointInput`, on
 * purpose: every mutation has an input type of its own (the Relay convention), so each can gain
 * fields without changing the others.
 */
export type UnlinkClaimsInput = {
  /** The link's ID (`ClaimRelation.id`). */
  id: Scalars['ID']['input'];
};

/** What `unlinkClaims` did. */
export type UnlinkClaimsPayload = {
  __typename?: 'UnlinkClaimsPayload';
  /** Global ID of the removed relation. */
  removedId?: Maybe<Scalars['ID']['output']>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to an actor; fields left out keep their value. */
export type UpdateActorInput = {
  /** Aliases to add, up to 20; none may name another actor. */
  addAliases?: InputMaybe<Array<Scalars['String']['input']>>;
  /** New affiliation; null or blank clears it. */
  affiliation?: InputMaybe<Scalars['String']['input']>;
  /** New description; null or blank clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The actor's global ID. */
  id: Scalars['ID']['input'];
  /** New kind. */
  kind?: InputMaybe<ActorKind>;
  /** New name; it may not name another actor. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** Aliases to remove, up to 20 (case and spacing do not matter). */
  removeAliases?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** Changes to a claim; fields left out (or null) keep their value. */
export type UpdateClaimInput = {
  /** The claim's global ID (a merged claim's ID edits the claim it was merged into). */
  id: Scalars['ID']['input'];
  /** New language (BCP-47 tag). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** New canonical wording, 1 to 1,000 characters. */
  text?: InputMaybe<Scalars['String']['input']>;
  /** Replaces the topics. */
  topics?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** What `updateClaim` did. */
export type UpdateClaimPayload = {
  __typename?: 'UpdateClaimPayload';
  /** The claim as changed; null when `userErrors` is not empty. */
  claim?: Maybe<Claim>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** Changes to a source's metadata; fields left out keep their value. The URL, which identifies a source, cannot change. */
export type UpdateSourceInput = {
  /** New web archive copy (absolute http(s) URL). */
  archiveUrl?: InputMaybe<Scalars['String']['input']>;
  /** New content hash, up to 200 characters. */
  contentHash?: InputMaybe<Scalars['String']['input']>;
  /** The source's global ID. */
  id: Scalars['ID']['input'];
  /** New kind. */
  kind?: InputMaybe<SourceKind>;
  /** New language (BCP-47 tag). */
  language?: InputMaybe<Scalars['String']['input']>;
  /** New publication date; null clears it. */
  publishedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** New publisher, by ID or name. */
  publisher?: InputMaybe<ActorRefInput>;
  /** New retrieval date; null clears it. */
  retrievedAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** New title, up to 500 characters; another source with this publisher may not have it. */
  title?: InputMaybe<Scalars['String']['input']>;
};

/** Changes to an endpoint; fields left out keep their value. */
export type UpdateWebhookEndpointInput = {
  /** False pauses the endpoint, true resumes it. */
  active?: InputMaybe<Scalars['Boolean']['input']>;
  /** New description, up to 500 characters; null or blank clears it. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The events to send it from now on (replacing the old list), at least one. */
  eventTypes?: InputMaybe<Array<WebhookEventType>>;
  /** The endpoint's ID (`WebhookEndpoint.id`). */
  id: Scalars['ID']['input'];
  /** New URL (http or https). */
  url?: InputMaybe<Scalars['String']['input']>;
};

/** An expected failure; nothing was changed. */
export type UserError = {
  __typename?: 'UserError';
  /** What kind of failure, for a program to act on. */
  code: UserErrorCode;
  /** Path of the input field at fault, e.g. `input.source.url` (null when no one field is). */
  field?: Maybe<Scalars['String']['output']>;
  /** What is wrong, in English, for a person to read. */
  message: Scalars['String']['output'];
};

/** Codes of expected failures. */
export type UserErrorCode =
  /** The change contradicts the current state (retracting twice, linking a claim to itself). */
  | 'CONFLICT'
  /** The thing exists already. */
  | 'DUPLICATE'
  /** A value is malformed or out of range. */
  | 'INVALID'
  /** An ID names nothing of the expected type. */
  | 'NOT_FOUND'
  /** A required value is missing or empty. */
  | 'REQUIRED'
  /** A text is longer than allowed. */
  | 'TOO_LONG';

/**
 * A fact-checker's rating of a claim, with the fields of schema.org ClaimReview.
 * Verdicts are never edited: a new rating is a new verdict, so the history stays.
 */
export type Verdict = Node & {
  __typename?: 'Verdict';
  /** The best value of the reviewer's scale (`reviewRating.bestRating`). */
  bestRating?: Maybe<Scalars['Int']['output']>;
  /** The claim rated. */
  claim: Claim;
  /** What the rating means for the claim's status: SUPPORTED, REFUTED or MIXED. */
  conclusion: ClaimStatus;
  /** When the verdict was recorded in claimtrail. */
  createdAt: Scalars['DateTime']['output'];
  /** Why (ClaimReview `reviewBody`). */
  explanation?: Maybe<Scalars['String']['output']>;
  /** Every change to the verdict, oldest first. */
  history: AuditEventConnection;
  /** Global ID: pass it to `Query.node` or `retractVerdict`. */
  id: Scalars['ID']['output'];
  /** Language of the review (BCP-47 tag), when given. */
  language?: Maybe<Scalars['String']['output']>;
  /** The rating as published (ClaimReview `reviewRating.alternateName`), e.g. `False`. */
  rating: Scalars['String']['output'];
  /** Numeric rating on the reviewer's scale (`reviewRating.ratingValue`). */
  ratingValue?: Maybe<Scalars['Int']['output']>;
  /** Set when the verdict was withdrawn; it then no longer sets the claim's status. */
  retractedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the verdict was withdrawn; null unless it was. */
  retractionReason?: Maybe<Scalars['String']['output']>;
  /** When the review was published (ClaimReview `datePublished`). */
  reviewedAt: Scalars['DateTime']['output'];
  /** The fact-checking organization (ClaimReview `author`). */
  reviewer: Actor;
  /** The review's URL. */
  url?: Maybe<Scalars['String']['output']>;
  /** The worst value of the reviewer's scale (`reviewRating.worstRating`). */
  worstRating?: Maybe<Scalars['Int']['output']>;
};


/**
 * A fact-checker's rating of a claim, with the fields of schema.org ClaimReview.
 * Verdicts are never edited: a new rating is a new verdict, so the history stays.
 */
export type VerdictHistoryArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  before?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  last?: InputMaybe<Scalars['Int']['input']>;
};

/** The statuses a verdict can set. */
export type VerdictConclusion =
  /** The claim is partly true, misleading or unproven either way. */
  | 'MIXED'
  /** The claim is false or mostly false. */
  | 'REFUTED'
  /** The claim is true or mostly true. */
  | 'SUPPORTED';

/** Who the request acts for. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Null for anonymous requests. */
  apiKey?: Maybe<ApiKey>;
  /** What the request may do; empty for anonymous requests, which may still read. */
  permissions: Array<Permission>;
  /** The key's role; null for anonymous requests. */
  role?: Maybe<Role>;
};

/** One try at POSTing a delivery. */
export type WebhookAttempt = {
  __typename?: 'WebhookAttempt';
  /** How long it took, in milliseconds. */
  durationMs: Scalars['Int']['output'];
  /** Why it failed (the HTTP status and the start of the body, a timeout, a refused address); null on success. */
  error?: Maybe<Scalars['String']['output']>;
  /** 1 for the first attempt, then 2, 3, ... */
  number: Scalars['Int']['output'];
  /** When the attempt started. */
  startedAt: Scalars['DateTime']['output'];
  /** The receiver's HTTP status; null when no response came. */
  statusCode?: Maybe<Scalars['Int']['output']>;
  /** True when the receiver answered with a 2xx status. */
  succeeded: Scalars['Boolean']['output'];
};

/** One event sent (or to be sent) to one endpoint. */
export type WebhookDelivery = {
  __typename?: 'WebhookDelivery';
  /** How many attempts were made (at most 12). */
  attemptCount: Scalars['Int']['output'];
  /** Every attempt, first first (at most 12, so the list is whole). */
  attempts: Array<WebhookAttempt>;
  /** When the delivery was queued, with the change it reports. */
  createdAt: Scalars['DateTime']['output'];
  /** When an attempt succeeded; null until one does. */
  deliveredAt?: Maybe<Scalars['DateTime']['output']>;
  /** The endpoint it goes to. */
  endpoint: WebhookEndpoint;
  /** The event it reports. */
  eventType: WebhookEventType;
  /** Also the `webhook-id` header: the same on every attempt. */
  id: Scalars['ID']['output'];
  /** When the last attempt started. */
  lastAttemptAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why the last attempt failed, or why the delivery was not sent; null after a success. */
  lastError?: Maybe<Scalars['String']['output']>;
  /** The receiver's HTTP status at the last attempt; null when no response came. */
  lastStatusCode?: Maybe<Scalars['Int']['output']>;
  /** The JSON body sent: `{type, timestamp, data}`. */
  payload: Scalars['JSON']['output'];
  /** Where it stands. */
  status: WebhookDeliveryStatus;
};

/** Where a delivery stands. */
export type WebhookDeliveryStatus =
  /** Gave up after the last attempt. */
  | 'FAILED'
  /** Not delivered yet; retried with backoff. */
  | 'PENDING'
  /** The receiver answered with a 2xx status. */
  | 'SUCCEEDED';

/** A URL that claimtrail POSTs the events it subscribes to, signed the Standard Webhooks way. */
export type WebhookEndpoint = {
  __typename?: 'WebhookEndpoint';
  /** False while paused: nothing is sent to it, not even deliveries queued before the pause. */
  active: Scalars['Boolean']['output'];
  /** When the endpoint was registered. */
  createdAt: Scalars['DateTime']['output'];
  /** This endpoint's deliveries, newest first: the newest `first` only, a recent log without further pages. */
  deliveries: Array<WebhookDelivery>;
  /** What the endpoint is for. */
  description?: Maybe<Scalars['String']['output']>;
  /** The events it receives. */
  eventTypes: Array<WebhookEventType>;
  /** Global ID, for the webhook mutations and `webhookDeliveries` (an endpoint is not a `Node`). */
  id: Scalars['ID']['output'];
  /** Last change to the endpoint. */
  updatedAt: Scalars['DateTime']['output'];
  /** Where deliveries are POSTed. */
  url: Scalars['String']['output'];
};


/** A URL that claimtrail POSTs the events it subscribes to, signed the Standard Webhooks way. */
export type WebhookEndpointDeliveriesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WebhookDeliveryStatus>;
};

/** What `updateWebhookEndpoint` did. */
export type WebhookEndpointPayload = {
  __typename?: 'WebhookEndpointPayload';
  /** The endpoint as changed; null when `userErrors` is not empty. */
  endpoint?: Maybe<WebhookEndpoint>;
  /** Why nothing was written; empty on success. */
  userErrors: Array<UserError>;
};

/** Events an endpoint can subscribe to. The payload's `type` is the lower-case dotted name. */
export type WebhookEventType =
  /** claim.created: createClaim, imports. */
  | 'CLAIM_CREATED'
  /** claim.updated: wording or topics edited, evidence added or retracted, statements or verdicts retracted, a claim merged into it. */
  | 'CLAIM_UPDATED'
  /** statement.recorded: recordStatement. */
  | 'STATEMENT_RECORDED'
  /** verdict.published: addVerdict, ClaimReview import. */
  | 'VERDICT_PUBLISHED';



export type ResolverTypeWrapper<T> = Promise<T> | T;


export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;




/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node:
    | ( ActorModel )
    | ( ClaimModel )
    | ( ClaimRelationView )
    | ( EvidenceModel )
    | ( SourceModel )
    | ( StatementModel )
    | ( VerdictModel )
  ;
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Actor: ResolverTypeWrapper<ActorModel>;
  ActorConnection: ResolverTypeWrapper<Connection<ActorModel>>;
  ActorCount: ResolverTypeWrapper<ActorCountView>;
  ActorEdge: ResolverTypeWrapper<Edge<ActorModel>>;
  ActorFilter: ActorFilter;
  ActorKind: ActorKind;
  ActorPayload: ResolverTypeWrapper<Omit<ActorPayload, 'actor'> & { actor?: Maybe<ResolversTypes['Actor']> }>;
  ActorRefInput: ActorRefInput;
  AddEvidenceInput: AddEvidenceInput;
  AddEvidencePayload: ResolverTypeWrapper<Omit<AddEvidencePayload, 'claim' | 'evidence'> & { claim?: Maybe<ResolversTypes['Claim']>, evidence?: Maybe<ResolversTypes['Evidence']> }>;
  AddVerdictInput: AddVerdictInput;
  AddVerdictPayload: ResolverTypeWrapper<Omit<AddVerdictPayload, 'claim' | 'verdict'> & { claim?: Maybe<ResolversTypes['Claim']>, verdict?: Maybe<ResolversTypes['Verdict']> }>;
  ApiKey: ResolverTypeWrapper<ApiKeyModel>;
  AttributionChain: ResolverTypeWrapper<AttributionChainView>;
  AttributionHop: ResolverTypeWrapper<AttributionHopModel>;
  AttributionHopInput: AttributionHopInput;
  AuditAction: AuditAction;
  AuditEvent: ResolverTypeWrapper<AuditEventModel>;
  AuditEventConnection: ResolverTypeWrapper<AuditEventConnectionView>;
  AuditEventEdge: ResolverTypeWrapper<AuditEventEdgeView>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Claim: ResolverTypeWrapper<ClaimModel>;
  ClaimConnection: ResolverTypeWrapper<Connection<ClaimModel>>;
  ClaimDateField: ClaimDateField;
  ClaimEdge: ResolverTypeWrapper<Edge<ClaimModel>>;
  ClaimEvent: ResolverTypeWrapper<ClaimEventView>;
  ClaimEventFilter: ClaimEventFilter;
  ClaimEventType: ClaimEventType;
  ClaimFilter: ClaimFilter;
  ClaimMergeRecord: ResolverTypeWrapper<ClaimMergeModel>;
  ClaimOrder: ClaimOrder;
  ClaimOrderField: ClaimOrderField;
  ClaimRelation: ResolverTypeWrapper<ClaimRelationView>;
  ClaimRelationKind: ClaimRelationKind;
  ClaimReviewImportItem: ResolverTypeWrapper<Omit<ClaimReviewImportItem, 'claim' | 'verdict'> & { claim?: Maybe<ResolversTypes['Claim']>, verdict?: Maybe<ResolversTypes['Verdict']> }>;
  ClaimSearchConnection: ResolverTypeWrapper<SearchConnectionView>;
  ClaimSearchEdge: ResolverTypeWrapper<SearchEdgeView>;
  ClaimStats: ResolverTypeWrapper<ClaimStatsView>;
  ClaimStatus: ClaimStatus;
  CreateActorInput: CreateActorInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: ResolverTypeWrapper<Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  CreateClaimInput: CreateClaimInput;
  CreateClaimPayload: ResolverTypeWrapper<CreateClaimPayloadView>;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreateWebhookEndpointPayload: ResolverTypeWrapper<Omit<CreateWebhookEndpointPayload, 'endpoint'> & { endpoint?: Maybe<ResolversTypes['WebhookEndpoint']> }>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DayCount: ResolverTypeWrapper<DayCount>;
  DeleteWebhookEndpointInput: DeleteWebhookEndpointInput;
  DeleteWebhookEndpointPayload: ResolverTypeWrapper<DeleteWebhookEndpointPayload>;
  Evidence: ResolverTypeWrapper<EvidenceModel>;
  EvidenceDirection: EvidenceDirection;
  EvidenceKind: EvidenceKind;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HopRelation: HopRelation;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  ImportClaimReviewInput: ImportClaimReviewInput;
  ImportClaimReviewPayload: ResolverTypeWrapper<Omit<ImportClaimReviewPayload, 'items'> & { items?: Maybe<Array<ResolversTypes['ClaimReviewImportItem']>> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LinkClaimsInput: LinkClaimsInput;
  LinkClaimsPayload: ResolverTypeWrapper<Omit<LinkClaimsPayload, 'relation'> & { relation?: Maybe<ResolversTypes['ClaimRelation']> }>;
  MergeClaimsInput: MergeClaimsInput;
  MergeClaimsPayload: ResolverTypeWrapper<Omit<MergeClaimsPayload, 'claim' | 'merge'> & { claim?: Maybe<ResolversTypes['Claim']>, merge?: Maybe<ResolversTypes['ClaimMergeRecord']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  OrderDirection: OrderDirection;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Permission: Permission;
  Provenance: ResolverTypeWrapper<ProvenanceView>;
  ProvenanceActor: ResolverTypeWrapper<ProvenanceActorView>;
  ProvenanceRole: ProvenanceRole;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordStatementInput: RecordStatementInput;
  RecordStatementPayload: ResolverTypeWrapper<Omit<RecordStatementPayload, 'claim' | 'statement'> & { claim?: Maybe<ResolversTypes['Claim']>, statement?: Maybe<ResolversTypes['Statement']> }>;
  RelationDirection: RelationDirection;
  RetractEvidencePayload: ResolverTypeWrapper<Omit<RetractEvidencePayload, 'claim' | 'evidence'> & { claim?: Maybe<ResolversTypes['Claim']>, evidence?: Maybe<ResolversTypes['Evidence']> }>;
  RetractInput: RetractInput;
  RetractStatementPayload: ResolverTypeWrapper<Omit<RetractStatementPayload, 'claim' | 'statement'> & { claim?: Maybe<ResolversTypes['Claim']>, statement?: Maybe<ResolversTypes['Statement']> }>;
  RetractVerdictPayload: ResolverTypeWrapper<Omit<RetractVerdictPayload, 'claim' | 'verdict'> & { claim?: Maybe<ResolversTypes['Claim']>, verdict?: Maybe<ResolversTypes['Verdict']> }>;
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: ResolverTypeWrapper<Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversTypes['ApiKey']> }>;
  Role: Role;
  SearchField: SearchField;
  SearchHighlight: ResolverTypeWrapper<SearchHighlightView>;
  SimilarClaim: ResolverTypeWrapper<SimilarClaimView>;
  Source: ResolverTypeWrapper<SourceModel>;
  SourceConnection: ResolverTypeWrapper<Connection<SourceModel>>;
  SourceEdge: ResolverTypeWrapper<Edge<SourceModel>>;
  SourceFilter: SourceFilter;
  SourceKind: SourceKind;
  SourcePayload: ResolverTypeWrapper<Omit<SourcePayload, 'source'> & { source?: Maybe<ResolversTypes['Source']> }>;
  SourceRefInput: SourceRefInput;
  Stance: Stance;
  Statement: ResolverTypeWrapper<StatementModel>;
  StatusCount: ResolverTypeWrapper<StatusCount>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TopicCount: ResolverTypeWrapper<TopicCount>;
  UnlinkClaimsInput: UnlinkClaimsInput;
  UnlinkClaimsPayload: ResolverTypeWrapper<UnlinkClaimsPayload>;
  UpdateActorInput: UpdateActorInput;
  UpdateClaimInput: UpdateClaimInput;
  UpdateClaimPayload: ResolverTypeWrapper<Omit<UpdateClaimPayload, 'claim'> & { claim?: Maybe<ResolversTypes['Claim']> }>;
  UpdateSourceInput: UpdateSourceInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  UserError: ResolverTypeWrapper<UserError>;
  UserErrorCode: UserErrorCode;
  Verdict: ResolverTypeWrapper<VerdictModel>;
  VerdictConclusion: VerdictConclusion;
  Viewer: ResolverTypeWrapper<Principal>;
  WebhookAttempt: ResolverTypeWrapper<WebhookAttemptModel>;
  WebhookDelivery: ResolverTypeWrapper<WebhookDeliveryModel>;
  WebhookDeliveryStatus: WebhookDeliveryStatus;
  WebhookEndpoint: ResolverTypeWrapper<WebhookEndpointModel>;
  WebhookEndpointPayload: ResolverTypeWrapper<Omit<WebhookEndpointPayload, 'endpoint'> & { endpoint?: Maybe<ResolversTypes['WebhookEndpoint']> }>;
  WebhookEventType: WebhookEventType;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Actor: ActorModel;
  ActorConnection: Connection<ActorModel>;
  ActorCount: ActorCountView;
  ActorEdge: Edge<ActorModel>;
  ActorFilter: ActorFilter;
  ActorPayload: Omit<ActorPayload, 'actor'> & { actor?: Maybe<ResolversParentTypes['Actor']> };
  ActorRefInput: ActorRefInput;
  AddEvidenceInput: AddEvidenceInput;
  AddEvidencePayload: Omit<AddEvidencePayload, 'claim' | 'evidence'> & { claim?: Maybe<ResolversParentTypes['Claim']>, evidence?: Maybe<ResolversParentTypes['Evidence']> };
  AddVerdictInput: AddVerdictInput;
  AddVerdictPayload: Omit<AddVerdictPayload, 'claim' | 'verdict'> & { claim?: Maybe<ResolversParentTypes['Claim']>, verdict?: Maybe<ResolversParentTypes['Verdict']> };
  ApiKey: ApiKeyModel;
  AttributionChain: AttributionChainView;
  AttributionHop: AttributionHopModel;
  AttributionHopInput: AttributionHopInput;
  AuditEvent: AuditEventModel;
  AuditEventConnection: AuditEventConnectionView;
  AuditEventEdge: AuditEventEdgeView;
  Boolean: Scalars['Boolean']['output'];
  Claim: ClaimModel;
  ClaimConnection: Connection<ClaimModel>;
  ClaimEdge: Edge<ClaimModel>;
  ClaimEvent: ClaimEventView;
  ClaimEventFilter: ClaimEventFilter;
  ClaimFilter: ClaimFilter;
  ClaimMergeRecord: ClaimMergeModel;
  ClaimOrder: ClaimOrder;
  ClaimRelation: ClaimRelationView;
  ClaimReviewImportItem: Omit<ClaimReviewImportItem, 'claim' | 'verdict'> & { claim?: Maybe<ResolversParentTypes['Claim']>, verdict?: Maybe<ResolversParentTypes['Verdict']> };
  ClaimSearchConnection: SearchConnectionView;
  ClaimSearchEdge: SearchEdgeView;
  ClaimStats: ClaimStatsView;
  CreateActorInput: CreateActorInput;
  CreateApiKeyInput: CreateApiKeyInput;
  CreateApiKeyPayload: Omit<CreateApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  CreateClaimInput: CreateClaimInput;
  CreateClaimPayload: CreateClaimPayloadView;
  CreateWebhookEndpointInput: CreateWebhookEndpointInput;
  CreateWebhookEndpointPayload: Omit<CreateWebhookEndpointPayload, 'endpoint'> & { endpoint?: Maybe<ResolversParentTypes['WebhookEndpoint']> };
  DateTime: Scalars['DateTime']['output'];
  DayCount: DayCount;
  DeleteWebhookEndpointInput: DeleteWebhookEndpointInput;
  DeleteWebhookEndpointPayload: DeleteWebhookEndpointPayload;
  Evidence: EvidenceModel;
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  ImportClaimReviewInput: ImportClaimReviewInput;
  ImportClaimReviewPayload: Omit<ImportClaimReviewPayload, 'items'> & { items?: Maybe<Array<ResolversParentTypes['ClaimReviewImportItem']>> };
  Int: Scalars['Int']['output'];
  JSON: Scalars['JSON']['output'];
  LinkClaimsInput: LinkClaimsInput;
  LinkClaimsPayload: Omit<LinkClaimsPayload, 'relation'> & { relation?: Maybe<ResolversParentTypes['ClaimRelation']> };
  MergeClaimsInput: MergeClaimsInput;
  MergeClaimsPayload: Omit<MergeClaimsPayload, 'claim' | 'merge'> & { claim?: Maybe<ResolversParentTypes['Claim']>, merge?: Maybe<ResolversParentTypes['ClaimMergeRecord']> };
  Mutation: Record<PropertyKey, never>;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  PageInfo: PageInfo;
  Provenance: ProvenanceView;
  ProvenanceActor: ProvenanceActorView;
  Query: Record<PropertyKey, never>;
  RecordStatementInput: RecordStatementInput;
  RecordStatementPayload: Omit<RecordStatementPayload, 'claim' | 'statement'> & { claim?: Maybe<ResolversParentTypes['Claim']>, statement?: Maybe<ResolversParentTypes['Statement']> };
  RetractEvidencePayload: Omit<RetractEvidencePayload, 'claim' | 'evidence'> & { claim?: Maybe<ResolversParentTypes['Claim']>, evidence?: Maybe<ResolversParentTypes['Evidence']> };
  RetractInput: RetractInput;
  RetractStatementPayload: Omit<RetractStatementPayload, 'claim' | 'statement'> & { claim?: Maybe<ResolversParentTypes['Claim']>, statement?: Maybe<ResolversParentTypes['Statement']> };
  RetractVerdictPayload: Omit<RetractVerdictPayload, 'claim' | 'verdict'> & { claim?: Maybe<ResolversParentTypes['Claim']>, verdict?: Maybe<ResolversParentTypes['Verdict']> };
  RevokeApiKeyInput: RevokeApiKeyInput;
  RevokeApiKeyPayload: Omit<RevokeApiKeyPayload, 'apiKey'> & { apiKey?: Maybe<ResolversParentTypes['ApiKey']> };
  SearchHighlight: SearchHighlightView;
  SimilarClaim: SimilarClaimView;
  Source: SourceModel;
  SourceConnection: Connection<SourceModel>;
  SourceEdge: Edge<SourceModel>;
  SourceFilter: SourceFilter;
  SourcePayload: Omit<SourcePayload, 'source'> & { source?: Maybe<ResolversParentTypes['Source']> };
  SourceRefInput: SourceRefInput;
  Statement: StatementModel;
  StatusCount: StatusCount;
  String: Scalars['String']['output'];
  Subscription: Record<PropertyKey, never>;
  TopicCount: TopicCount;
  UnlinkClaimsInput: UnlinkClaimsInput;
  UnlinkClaimsPayload: UnlinkClaimsPayload;
  UpdateActorInput: UpdateActorInput;
  UpdateClaimInput: UpdateClaimInput;
  UpdateClaimPayload: Omit<UpdateClaimPayload, 'claim'> & { claim?: Maybe<ResolversParentTypes['Claim']> };
  UpdateSourceInput: UpdateSourceInput;
  UpdateWebhookEndpointInput: UpdateWebhookEndpointInput;
  UserError: UserError;
  Verdict: VerdictModel;
  Viewer: Principal;
  WebhookAttempt: WebhookAttemptModel;
  WebhookDelivery: WebhookDeliveryModel;
  WebhookEndpoint: WebhookEndpointModel;
  WebhookEndpointPayload: Omit<WebhookEndpointPayload, 'endpoint'> & { endpoint?: Maybe<ResolversParentTypes['WebhookEndpoint']> };
};

export type ActorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Actor'] = ResolversParentTypes['Actor']> = {
  affiliation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  aliases?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, Partial<ActorClaimsArgs>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<ActorHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ActorKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  publishedSources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType, Partial<ActorPublishedSourcesArgs>>;
  statementCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  statements?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType, RequireFields<ActorStatementsArgs, 'includeRetracted'>>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ActorConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActorConnection'] = ResolversParentTypes['ActorConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ActorEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Actor']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActorCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActorCount'] = ResolversParentTypes['ActorCount']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ActorEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActorEdge'] = ResolversParentTypes['ActorEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
};

export type ActorPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ActorPayload'] = ResolversParentTypes['ActorPayload']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AddEvidencePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AddEvidencePayload'] = ResolversParentTypes['AddEvidencePayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['Evidence']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type AddVerdictPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AddVerdictPayload'] = ResolversParentTypes['AddVerdictPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  verdict?: Resolver<Maybe<ResolversTypes['Verdict']>, ParentType, ContextType>;
};

export type ApiKeyResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ApiKey'] = ResolversParentTypes['ApiKey']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expiresAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastUsedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
  prefix?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  role?: Resolver<ResolversTypes['Role'], ParentType, ContextType>;
  scopes?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
};

export type AttributionChainResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttributionChain'] = ResolversParentTypes['AttributionChain']> = {
  evidence?: Resolver<Maybe<ResolversTypes['Evidence']>, ParentType, ContextType>;
  hops?: Resolver<Array<ResolversTypes['AttributionHop']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['Statement']>, ParentType, ContextType>;
};

export type AttributionHopResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AttributionHop'] = ResolversParentTypes['AttributionHop']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  position?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['HopRelation'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType>;
};

export type AuditEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  after?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  apiKeyId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  before?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  changedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  claimId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  entityId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  entityType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AuditEventConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEventConnection'] = ResolversParentTypes['AuditEventConnection']> = {
  edges?: Resolver<Array<ResolversTypes['AuditEventEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type AuditEventEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['AuditEventEdge'] = ResolversParentTypes['AuditEventEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['AuditEvent'], ParentType, ContextType>;
};

export type ClaimResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Claim'] = ResolversParentTypes['Claim']> = {
  claimReview?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidence?: Resolver<Array<ResolversTypes['Evidence']>, ParentType, ContextType, RequireFields<ClaimEvidenceArgs, 'includeRetracted'>>;
  evidenceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<ClaimHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latestVerdict?: Resolver<Maybe<ResolversTypes['Verdict']>, ParentType, ContextType>;
  mergedFrom?: Resolver<Array<ResolversTypes['ClaimMergeRecord']>, ParentType, ContextType>;
  provenance?: Resolver<ResolversTypes['Provenance'], ParentType, ContextType>;
  relations?: Resolver<Array<ResolversTypes['ClaimRelation']>, ParentType, ContextType, Partial<ClaimRelationsArgs>>;
  statementCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  statements?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType, RequireFields<ClaimStatementsArgs, 'includeRetracted'>>;
  status?: Resolver<ResolversTypes['ClaimStatus'], ParentType, ContextType>;
  text?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  topics?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  verdicts?: Resolver<Array<ResolversTypes['Verdict']>, ParentType, ContextType, RequireFields<ClaimVerdictsArgs, 'includeRetracted'>>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ClaimConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimConnection'] = ResolversParentTypes['ClaimConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClaimEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaimEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimEdge'] = ResolversParentTypes['ClaimEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
};

export type ClaimEventResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimEvent'] = ResolversParentTypes['ClaimEvent']> = {
  changedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  claimId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['Evidence']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mergedClaimId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  relatedClaim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['Statement']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['ClaimEventType'], ParentType, ContextType>;
  verdict?: Resolver<Maybe<ResolversTypes['Verdict']>, ParentType, ContextType>;
};

export type ClaimMergeRecordResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimMergeRecord'] = ResolversParentTypes['ClaimMergeRecord']> = {
  mergedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  mergedClaimId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mergedText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  movedEvidence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  movedRelations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  movedStatements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  movedVerdicts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ClaimRelationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimRelation'] = ResolversParentTypes['ClaimRelation']> = {
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['RelationDirection'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ClaimRelationKind'], ParentType, ContextType>;
  note?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ClaimReviewImportItemResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimReviewImportItem'] = ResolversParentTypes['ClaimReviewImportItem']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  claimCreated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  verdict?: Resolver<Maybe<ResolversTypes['Verdict']>, ParentType, ContextType>;
  verdictCreated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ClaimSearchConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimSearchConnection'] = ResolversParentTypes['ClaimSearchConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ClaimSearchEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaimSearchEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimSearchEdge'] = ResolversParentTypes['ClaimSearchEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  highlights?: Resolver<Array<ResolversTypes['SearchHighlight']>, ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  rank?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ClaimStatsResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ClaimStats'] = ResolversParentTypes['ClaimStats']> = {
  byActor?: Resolver<Array<ResolversTypes['ActorCount']>, ParentType, ContextType, Partial<ClaimStatsByActorArgs>>;
  byPublisher?: Resolver<Array<ResolversTypes['ActorCount']>, ParentType, ContextType, Partial<ClaimStatsByPublisherArgs>>;
  byStatus?: Resolver<Array<ResolversTypes['StatusCount']>, ParentType, ContextType>;
  byTopic?: Resolver<Array<ResolversTypes['TopicCount']>, ParentType, ContextType, Partial<ClaimStatsByTopicArgs>>;
  mostDisputed?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, Partial<ClaimStatsMostDisputedArgs>>;
  newestDenials?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType, Partial<ClaimStatsNewestDenialsArgs>>;
  perDay?: Resolver<Array<ResolversTypes['DayCount']>, ParentType, ContextType, RequireFields<ClaimStatsPerDayArgs, 'field' | 'from' | 'to'>>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CreateApiKeyPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateApiKeyPayload'] = ResolversParentTypes['CreateApiKeyPayload']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CreateClaimPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateClaimPayload'] = ResolversParentTypes['CreateClaimPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  possibleDuplicates?: Resolver<Array<ResolversTypes['SimilarClaim']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type CreateWebhookEndpointPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['CreateWebhookEndpointPayload'] = ResolversParentTypes['CreateWebhookEndpointPayload']> = {
  endpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
  secret?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DayCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DayCount'] = ResolversParentTypes['DayCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  day?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DeleteWebhookEndpointPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['DeleteWebhookEndpointPayload'] = ResolversParentTypes['DeleteWebhookEndpointPayload']> = {
  deletedId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type EvidenceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Evidence'] = ResolversParentTypes['Evidence']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  attribution?: Resolver<Array<ResolversTypes['AttributionHop']>, ParentType, ContextType>;
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  direction?: Resolver<ResolversTypes['EvidenceDirection'], ParentType, ContextType>;
  excerpt?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<EvidenceHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['EvidenceKind'], ParentType, ContextType>;
  observedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retractedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retractionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ImportClaimReviewPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ImportClaimReviewPayload'] = ResolversParentTypes['ImportClaimReviewPayload']> = {
  items?: Resolver<Maybe<Array<ResolversTypes['ClaimReviewImportItem']>>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type LinkClaimsPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['LinkClaimsPayload'] = ResolversParentTypes['LinkClaimsPayload']> = {
  relation?: Resolver<Maybe<ResolversTypes['ClaimRelation']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type MergeClaimsPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['MergeClaimsPayload'] = ResolversParentTypes['MergeClaimsPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  merge?: Resolver<Maybe<ResolversTypes['ClaimMergeRecord']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type MutationResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addEvidence?: Resolver<ResolversTypes['AddEvidencePayload'], ParentType, ContextType, RequireFields<MutationAddEvidenceArgs, 'input'>>;
  addVerdict?: Resolver<ResolversTypes['AddVerdictPayload'], ParentType, ContextType, RequireFields<MutationAddVerdictArgs, 'input'>>;
  createActor?: Resolver<ResolversTypes['ActorPayload'], ParentType, ContextType, RequireFields<MutationCreateActorArgs, 'input'>>;
  createApiKey?: Resolver<ResolversTypes['CreateApiKeyPayload'], ParentType, ContextType, RequireFields<MutationCreateApiKeyArgs, 'input'>>;
  createClaim?: Resolver<ResolversTypes['CreateClaimPayload'], ParentType, ContextType, RequireFields<MutationCreateClaimArgs, 'input'>>;
  createWebhookEndpoint?: Resolver<ResolversTypes['CreateWebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationCreateWebhookEndpointArgs, 'input'>>;
  deleteWebhookEndpoint?: Resolver<ResolversTypes['DeleteWebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationDeleteWebhookEndpointArgs, 'input'>>;
  importClaimReview?: Resolver<ResolversTypes['ImportClaimReviewPayload'], ParentType, ContextType, RequireFields<MutationImportClaimReviewArgs, 'input'>>;
  linkClaims?: Resolver<ResolversTypes['LinkClaimsPayload'], ParentType, ContextType, RequireFields<MutationLinkClaimsArgs, 'input'>>;
  mergeClaims?: Resolver<ResolversTypes['MergeClaimsPayload'], ParentType, ContextType, RequireFields<MutationMergeClaimsArgs, 'input'>>;
  recordStatement?: Resolver<ResolversTypes['RecordStatementPayload'], ParentType, ContextType, RequireFields<MutationRecordStatementArgs, 'input'>>;
  retractEvidence?: Resolver<ResolversTypes['RetractEvidencePayload'], ParentType, ContextType, RequireFields<MutationRetractEvidenceArgs, 'input'>>;
  retractStatement?: Resolver<ResolversTypes['RetractStatementPayload'], ParentType, ContextType, RequireFields<MutationRetractStatementArgs, 'input'>>;
  retractVerdict?: Resolver<ResolversTypes['RetractVerdictPayload'], ParentType, ContextType, RequireFields<MutationRetractVerdictArgs, 'input'>>;
  revokeApiKey?: Resolver<ResolversTypes['RevokeApiKeyPayload'], ParentType, ContextType, RequireFields<MutationRevokeApiKeyArgs, 'input'>>;
  unlinkClaims?: Resolver<ResolversTypes['UnlinkClaimsPayload'], ParentType, ContextType, RequireFields<MutationUnlinkClaimsArgs, 'input'>>;
  updateActor?: Resolver<ResolversTypes['ActorPayload'], ParentType, ContextType, RequireFields<MutationUpdateActorArgs, 'input'>>;
  updateClaim?: Resolver<ResolversTypes['UpdateClaimPayload'], ParentType, ContextType, RequireFields<MutationUpdateClaimArgs, 'input'>>;
  updateSource?: Resolver<ResolversTypes['SourcePayload'], ParentType, ContextType, RequireFields<MutationUpdateSourceArgs, 'input'>>;
  updateWebhookEndpoint?: Resolver<ResolversTypes['WebhookEndpointPayload'], ParentType, ContextType, RequireFields<MutationUpdateWebhookEndpointArgs, 'input'>>;
};

export type NodeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Actor' | 'Claim' | 'ClaimRelation' | 'Evidence' | 'Source' | 'Statement' | 'Verdict', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ProvenanceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Provenance'] = ResolversParentTypes['Provenance']> = {
  actors?: Resolver<Array<ResolversTypes['ProvenanceActor']>, ParentType, ContextType>;
  chains?: Resolver<Array<ResolversTypes['AttributionChain']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  truncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ProvenanceActorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['ProvenanceActor'] = ResolversParentTypes['ProvenanceActor']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['ProvenanceRole']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  actor?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType, RequireFields<QueryActorArgs, 'id'>>;
  actorByName?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType, RequireFields<QueryActorByNameArgs, 'name'>>;
  actors?: Resolver<ResolversTypes['ActorConnection'], ParentType, ContextType, Partial<QueryActorsArgs>>;
  apiKeys?: Resolver<Array<ResolversTypes['ApiKey']>, ParentType, ContextType, RequireFields<QueryApiKeysArgs, 'includeRevoked'>>;
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType, RequireFields<QueryClaimArgs, 'id'>>;
  claimStats?: Resolver<ResolversTypes['ClaimStats'], ParentType, ContextType, Partial<QueryClaimStatsArgs>>;
  claims?: Resolver<ResolversTypes['ClaimConnection'], ParentType, ContextType, Partial<QueryClaimsArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  nodes?: Resolver<Array<Maybe<ResolversTypes['Node']>>, ParentType, ContextType, RequireFields<QueryNodesArgs, 'ids'>>;
  searchClaims?: Resolver<ResolversTypes['ClaimSearchConnection'], ParentType, ContextType, RequireFields<QuerySearchClaimsArgs, 'query'>>;
  similarClaims?: Resolver<Array<ResolversTypes['SimilarClaim']>, ParentType, ContextType, RequireFields<QuerySimilarClaimsArgs, 'text'>>;
  source?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType, RequireFields<QuerySourceArgs, 'id'>>;
  sourceByUrl?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType, RequireFields<QuerySourceByUrlArgs, 'url'>>;
  sources?: Resolver<ResolversTypes['SourceConnection'], ParentType, ContextType, Partial<QuerySourcesArgs>>;
  viewer?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  webhookDeliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, Partial<QueryWebhookDeliveriesArgs>>;
  webhookEndpoints?: Resolver<Array<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
};

export type RecordStatementPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RecordStatementPayload'] = ResolversParentTypes['RecordStatementPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['Statement']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type RetractEvidencePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetractEvidencePayload'] = ResolversParentTypes['RetractEvidencePayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['Evidence']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type RetractStatementPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetractStatementPayload'] = ResolversParentTypes['RetractStatementPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['Statement']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type RetractVerdictPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RetractVerdictPayload'] = ResolversParentTypes['RetractVerdictPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
  verdict?: Resolver<Maybe<ResolversTypes['Verdict']>, ParentType, ContextType>;
};

export type RevokeApiKeyPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['RevokeApiKeyPayload'] = ResolversParentTypes['RevokeApiKeyPayload']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type SearchHighlightResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SearchHighlight'] = ResolversParentTypes['SearchHighlight']> = {
  evidence?: Resolver<Maybe<ResolversTypes['Evidence']>, ParentType, ContextType>;
  field?: Resolver<ResolversTypes['SearchField'], ParentType, ContextType>;
  snippet?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  statement?: Resolver<Maybe<ResolversTypes['Statement']>, ParentType, ContextType>;
};

export type SimilarClaimResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SimilarClaim'] = ResolversParentTypes['SimilarClaim']> = {
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  similarity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type SourceResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Source'] = ResolversParentTypes['Source']> = {
  archiveUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  claims?: Resolver<Array<ResolversTypes['Claim']>, ParentType, ContextType, Partial<SourceClaimsArgs>>;
  contentHash?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<SourceHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['SourceKind'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  publishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  publisher?: Resolver<Maybe<ResolversTypes['Actor']>, ParentType, ContextType>;
  retrievedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  statements?: Resolver<Array<ResolversTypes['Statement']>, ParentType, ContextType, RequireFields<SourceStatementsArgs, 'includeRetracted'>>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type SourceConnectionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SourceConnection'] = ResolversParentTypes['SourceConnection']> = {
  edges?: Resolver<Array<ResolversTypes['SourceEdge']>, ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['Source']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SourceEdgeResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SourceEdge'] = ResolversParentTypes['SourceEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
};

export type SourcePayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['SourcePayload'] = ResolversParentTypes['SourcePayload']> = {
  source?: Resolver<Maybe<ResolversTypes['Source']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type StatementResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Statement'] = ResolversParentTypes['Statement']> = {
  actor?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  attribution?: Resolver<Array<ResolversTypes['AttributionHop']>, ParentType, ContextType>;
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  history?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<StatementHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  paraphrase?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  quote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  retractedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retractionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['Source'], ParentType, ContextType>;
  stance?: Resolver<ResolversTypes['Stance'], ParentType, ContextType>;
  statedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type StatusCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['StatusCount'] = ResolversParentTypes['StatusCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ClaimStatus'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  claimEvents?: SubscriptionResolver<ResolversTypes['ClaimEvent'], "claimEvents", ParentType, ContextType, Partial<SubscriptionClaimEventsArgs>>;
};

export type TopicCountResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['TopicCount'] = ResolversParentTypes['TopicCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  topic?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type UnlinkClaimsPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UnlinkClaimsPayload'] = ResolversParentTypes['UnlinkClaimsPayload']> = {
  removedId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type UpdateClaimPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UpdateClaimPayload'] = ResolversParentTypes['UpdateClaimPayload']> = {
  claim?: Resolver<Maybe<ResolversTypes['Claim']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type UserErrorResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = {
  code?: Resolver<ResolversTypes['UserErrorCode'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type VerdictResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Verdict'] = ResolversParentTypes['Verdict']> = {
  bestRating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  claim?: Resolver<ResolversTypes['Claim'], ParentType, ContextType>;
  conclusion?: Resolver<ResolversTypes['ClaimStatus'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  explanation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  history?: Resolver<ResolversTypes['AuditEventConnection'], ParentType, ContextType, Partial<VerdictHistoryArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  language?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rating?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ratingValue?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  retractedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  retractionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reviewer?: Resolver<ResolversTypes['Actor'], ParentType, ContextType>;
  url?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  worstRating?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  apiKey?: Resolver<Maybe<ResolversTypes['ApiKey']>, ParentType, ContextType>;
  permissions?: Resolver<Array<ResolversTypes['Permission']>, ParentType, ContextType>;
  role?: Resolver<Maybe<ResolversTypes['Role']>, ParentType, ContextType>;
};

export type WebhookAttemptResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookAttempt'] = ResolversParentTypes['WebhookAttempt']> = {
  durationMs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  statusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  succeeded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type WebhookDeliveryResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookDelivery'] = ResolversParentTypes['WebhookDelivery']> = {
  attemptCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  attempts?: Resolver<Array<ResolversTypes['WebhookAttempt']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveredAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  endpoint?: Resolver<ResolversTypes['WebhookEndpoint'], ParentType, ContextType>;
  eventType?: Resolver<ResolversTypes['WebhookEventType'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastAttemptAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastError?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  lastStatusCode?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  payload?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WebhookDeliveryStatus'], ParentType, ContextType>;
};

export type WebhookEndpointResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpoint'] = ResolversParentTypes['WebhookEndpoint']> = {
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  deliveries?: Resolver<Array<ResolversTypes['WebhookDelivery']>, ParentType, ContextType, Partial<WebhookEndpointDeliveriesArgs>>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventTypes?: Resolver<Array<ResolversTypes['WebhookEventType']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type WebhookEndpointPayloadResolvers<ContextType = GraphQLContext, ParentType extends ResolversParentTypes['WebhookEndpointPayload'] = ResolversParentTypes['WebhookEndpointPayload']> = {
  endpoint?: Resolver<Maybe<ResolversTypes['WebhookEndpoint']>, ParentType, ContextType>;
  userErrors?: Resolver<Array<ResolversTypes['UserError']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GraphQLContext> = {
  Actor?: ActorResolvers<ContextType>;
  ActorConnection?: ActorConnectionResolvers<ContextType>;
  ActorCount?: ActorCountResolvers<ContextType>;
  ActorEdge?: ActorEdgeResolvers<ContextType>;
  ActorPayload?: ActorPayloadResolvers<ContextType>;
  AddEvidencePayload?: AddEvidencePayloadResolvers<ContextType>;
  AddVerdictPayload?: AddVerdictPayloadResolvers<ContextType>;
  ApiKey?: ApiKeyResolvers<ContextType>;
  AttributionChain?: AttributionChainResolvers<ContextType>;
  AttributionHop?: AttributionHopResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  AuditEventConnection?: AuditEventConnectionResolvers<ContextType>;
  AuditEventEdge?: AuditEventEdgeResolvers<ContextType>;
  Claim?: ClaimResolvers<ContextType>;
  ClaimConnection?: ClaimConnectionResolvers<ContextType>;
  ClaimEdge?: ClaimEdgeResolvers<ContextType>;
  ClaimEvent?: ClaimEventResolvers<ContextType>;
  ClaimMergeRecord?: ClaimMergeRecordResolvers<ContextType>;
  ClaimRelation?: ClaimRelationResolvers<ContextType>;
  ClaimReviewImportItem?: ClaimReviewImportItemResolvers<ContextType>;
  ClaimSearchConnection?: ClaimSearchConnectionResolvers<ContextType>;
  ClaimSearchEdge?: ClaimSearchEdgeResolvers<ContextType>;
  ClaimStats?: ClaimStatsResolvers<ContextType>;
  CreateApiKeyPayload?: CreateApiKeyPayloadResolvers<ContextType>;
  CreateClaimPayload?: CreateClaimPayloadResolvers<ContextType>;
  CreateWebhookEndpointPayload?: CreateWebhookEndpointPayloadResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DayCount?: DayCountResolvers<ContextType>;
  DeleteWebhookEndpointPayload?: DeleteWebhookEndpointPayloadResolvers<ContextType>;
  Evidence?: EvidenceResolvers<ContextType>;
  ImportClaimReviewPayload?: ImportClaimReviewPayloadResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  LinkClaimsPayload?: LinkClaimsPayloadResolvers<ContextType>;
  MergeClaimsPayload?: MergeClaimsPayloadResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Provenance?: ProvenanceResolvers<ContextType>;
  ProvenanceActor?: ProvenanceActorResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordStatementPayload?: RecordStatementPayloadResolvers<ContextType>;
  RetractEvidencePayload?: RetractEvidencePayloadResolvers<ContextType>;
  RetractStatementPayload?: RetractStatementPayloadResolvers<ContextType>;
  RetractVerdictPayload?: RetractVerdictPayloadResolvers<ContextType>;
  RevokeApiKeyPayload?: RevokeApiKeyPayloadResolvers<ContextType>;
  SearchHighlight?: SearchHighlightResolvers<ContextType>;
  SimilarClaim?: SimilarClaimResolvers<ContextType>;
  Source?: SourceResolvers<ContextType>;
  SourceConnection?: SourceConnectionResolvers<ContextType>;
  SourceEdge?: SourceEdgeResolvers<ContextType>;
  SourcePayload?: SourcePayloadResolvers<ContextType>;
  Statement?: StatementResolvers<ContextType>;
  StatusCount?: StatusCountResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  TopicCount?: TopicCountResolvers<ContextType>;
  UnlinkClaimsPayload?: UnlinkClaimsPayloadResolvers<ContextType>;
  UpdateClaimPayload?: UpdateClaimPayloadResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Verdict?: VerdictResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  WebhookAttempt?: WebhookAttemptResolvers<ContextType>;
  WebhookDelivery?: WebhookDeliveryResolvers<ContextType>;
  WebhookEndpoint?: WebhookEndpointResolvers<ContextType>;
  WebhookEndpointPayload?: WebhookEndpointPayloadResolvers<ContextType>;
};

