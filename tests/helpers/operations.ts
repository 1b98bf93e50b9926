// GraphQL documents the integration tests send, and a loader that records the seed
// case through the public mutations.
import { seedActors, seedClaims } from "../../src/seed/seed-case";
import { dataOf, type TestServer } from "./test-server";

const USER_ERRORS = "userErrors { field message code }";

export const CREATE_ACTOR = `mutation ($input: CreateActorInput!) {
  createActor(input: $input) { actor { id name } ${USER_ERRORS} } }`;

export const CREATE_CLAIM = `mutation ($input: CreateClaimInput!) {
  createClaim(input: $input) { claim { id text status } ${USER_ERRORS} } }`;

export const RECORD_STATEMENT = `mutation ($input: RecordStatementInput!) {
  recordStatement(input: $input) {
    statement { id stance quote actor { id name } source { id url title } attribution { position relation actor { name } source { id } } }
    claim { id status updatedAt }
    ${USER_ERRORS}
  } }`;

export const ADD_EVIDENCE = `mutation ($input: AddEvidenceInput!) {
  addEvidence(input: $input) { evidence { id direction } claim { id } ${USER_ERRORS} } }`;

export const ADD_VERDICT = `mutation ($input: AddVerdictInput!) {
  addVerdict(input: $input) { verdict { id rating conclusion } claim { id status } ${USER_ERRORS} } }`;

/** The claim page: a claim with everything that bears on it, in one query. */
export const CLAIM_PAGE = `query ClaimPage($id: ID!) {
  claim(id: $id) {
    id text status language topics firstSeenAt updatedAt statementCount evidenceCount
    statements {
      id stance quote paraphrase statedAt
      actor { id name kind aliases }
      source { id url title publishedAt publisher { id name } }
      attribution { position relation actor { id name kind } source { id title } }
    }
    evidence {
      id direction kind summary excerpt
      source { id url title publisher { name } }
      actor { name }
      attribution { position relation actor { name } }
    }
    verdicts { id rating ratingValue reviewedAt reviewer { name } }
    provenance {
      truncated
      sources { id title publisher { name } }
      actors { actor { id name } roles }
      chains { statement { id } evidence { id } source { id } hops { position relation actor { name } } }
    }
  }
}`;

/** Records the whole seed case through the HTTP API; returns the claims' IDs by seed key. */
export async function recordSeedCase(server: TestServer): Promise<Record<string, string>> {
  for (const actor of seedActors) {
    const result = dataOf(await server.gql(CREATE_ACTOR, { input: actor }));
    expectNoUserErrors(result.createActor);
  }
  const ids: Record<string, string> = {};
  for (const entry of seedClaims) {
    const created = dataOf(await server.gql(CREATE_CLAIM, { input: entry.claim })).createClaim;
    expectNoUserErrors(created);
    ids[entry.key] = created.claim.id;
    for (const statement of entry.statements) {
      const recorded = dataOf(
        await server.gql(RECORD_STATEMENT, { input: { ...statement, claimId: created.claim.id } }),
      );
      expectNoUserErrors(recorded.recordStatement);
    }
    for (const item of entry.evidence) {
      const added = dataOf(await server.gql(ADD_EVIDENCE, { input: { ...item, claimId: created.claim.id } }));
      expectNoUserErrors(added.addEvidence);
    }
  }
  return ids;
}

export function expectNoUserErrors(payload: { userErrors: unknown[] }): void {
  if (payload.userErrors.length > 0) throw new Error(`userErrors: ${JSON.stringify(payload.userErrors)}`);
}
