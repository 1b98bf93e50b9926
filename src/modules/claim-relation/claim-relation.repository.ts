// Data access for claim relations (Prisma only).
import type { Db } from "../../db/prisma";
import type { ClaimRelationKind } from "../../generated/prisma/enums";

const OLDEST_FIRST = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** Up to `limit` relations in each direction per claim, in one query. */
export function findRelationsByClaims(db: Db, claimIds: readonly string[], limit: number) {
  return db.claim.findMany({
    where: { id: { in: [...claimIds] } },
    relationLoadStrategy: "join",
    select: {
      id: true,
      relationsFrom: { orderBy: OLDEST_FIRST, take: limit },
      relationsTo: { orderBy: OLDEST_FIRST, take: limit },
    },
  });
}

export function findRelationsByIds(db: Db, ids: readonly string[]) {
  return db.claimRelation.findMany({ where: { id: { in: [...ids] } } });
}

/** An existing link between the two claims of this kind, either way round. */
export function findLink(db: Db, fromClaimId: string, toClaimId: string, kind: ClaimRelationKind, eitherWay: boolean) {
  return db.claimRelation.findFirst({
    where: {
      kind,
      OR: [{ fromClaimId, toClaimId }, ...(eitherWay ? [{ fromClaimId: toClaimId, toClaimId: fromClaimId }] : [])],
    },
  });
}

export async function insertRelationIfAbsent(
  db: Db,
  data: { fromClaimId: string; toClaimId: string; kind: ClaimRelationKind; note: string | null },
) {
  const inserted = await db.claimRelation.createMany({ data: [data], skipDuplicates: true });
  if (inserted.count === 0) return null;
  return db.claimRelation.findUniqueOrThrow({
    where: {
      fromClaimId_toClaimId_kind: { fromClaimId: data.fromClaimId, toClaimId: data.toClaimId, kind: data.kind },
    },
  });
}

export function deleteRelation(db: Db, id: string) {
  return db.claimRelation.deleteMany({ where: { id } });
}
