// Loads the demo seed case through the services (so the same rules apply as for any
// client), once per database: a row in data_seeds marks it as loaded.
import type { PrismaClient } from "../db/prisma";
import { createServices } from "../modules/services";
import { systemPrincipal } from "../modules/auth/permissions";
import type { Logger } from "../logger";
import { encodeId } from "../shared/global-id";
import { SEED_NAME, seedActors, seedClaims } from "./seed-case";

/** True when this call loaded the seed, false when it was there already. */
export async function loadSeedCaseOnce(prisma: PrismaClient, logger: Logger): Promise<boolean> {
  const claimed = await prisma.dataSeed.createMany({ data: [{ name: SEED_NAME }], skipDuplicates: true });
  if (claimed.count === 0) return false;
  try {
    const services = createServices(prisma, logger.child({ module: "seed" }), { principal: systemPrincipal("seed") });
    // An actor the database already has (say, "North Korea" from an import) is reused and
    // given the seed's aliases, which the seed's statements name it by ("Pyongyang").
    for (const actor of seedActors) {
      const existing = await services.actors.findByName(actor.name);
      if (!existing) await services.actors.createActor(actor);
      else if (actor.aliases?.length) {
        await services.actors.updateActor({ id: encodeId("Actor", existing.id), addAliases: actor.aliases });
      }
    }
    for (const entry of seedClaims) {
      const { claim } = await services.claims.createClaim(entry.claim);
      const claimId = encodeId("Claim", claim.id);
      for (const statement of entry.statements) await services.statements.recordStatement({ ...statement, claimId });
      for (const item of entry.evidence) await services.evidence.addEvidence({ ...item, claimId });
    }
    return true;
  } catch (error) {
    // Leave no marker behind a half-loaded seed, so the next start tries again.
    await prisma.dataSeed.deleteMany({ where: { name: SEED_NAME } });
    throw error;
  }
}
