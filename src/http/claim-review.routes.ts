// schema.org ClaimReview over plain HTTP: GET /claims/:id/claim-review (public JSON-LD a
// crawler can fetch) and POST /claim-review (authenticated import), on the same service
// as the GraphQL field and mutation.
import express, { type Request, type Response, type Router } from "express";
import type { PrismaClient } from "../db/prisma";
import { createServices } from "../modules/services";
import { ANONYMOUS, type Principal } from "../modules/auth/permissions";
import { UserInputError } from "../shared/errors";
import { encodeId } from "../shared/global-id";
import type { RequestAuthenticator } from "./authentication";
import { authenticated, principalOf, scopeOf } from "./entrance";
import { HttpRequestError } from "./http-errors";

const LD_JSON = "application/ld+json";

export function claimReviewRouter(prisma: PrismaClient, authenticate: RequestAuthenticator): Router {
  const router = express.Router();
  const servicesFor = (res: Response, principal: Principal) => {
    const { requestId, log } = scopeOf(res);
    return createServices(prisma, log.child({ module: "claim-review-http" }), { principal, requestId });
  };
  router.get("/claims/:id/claim-review", async (req: Request<{ id: string }>, res: Response) => {
    const services = servicesFor(res, ANONYMOUS);
    const { claim, document } = await services.claimReviews.claimReviewById(req.params.id);
    if (!claim) throw new HttpRequestError(404, "No claim has this ID.", "NOT_FOUND");
    if (!document) {
      throw new HttpRequestError(404, "The claim has no live verdict to publish as a ClaimReview.", "NOT_FOUND");
    }
    res.status(200).type(LD_JSON).send(JSON.stringify(document));
  });

  router.post(
    "/claim-review",
    authenticated(authenticate),
    express.json({ type: ["application/json", LD_JSON], limit: "1mb" }),
    async (req: Request, res: Response) => {
      const services = servicesFor(res, principalOf(res));
      try {
        const { items } = await services.claimReviews.importClaimReview({ document: req.body as unknown });
        res.status(200).json({
          items: items.map((item) => ({
            index: item.index,
            claimId: encodeId("Claim", item.claim.id),
            verdictId: encodeId("Verdict", item.verdict.id),
            claimCreated: item.claimCreated,
            verdictCreated: item.verdictCreated,
          })),
        });
      } catch (error) {
        if (!(error instanceof UserInputError)) throw error;
        res.status(400).json({
          error: { code: "BAD_USER_INPUT", message: "The document was not imported." },
          userErrors: error.errors,
        });
      }
    },
  );
  return router;
}
