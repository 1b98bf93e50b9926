// schema.org ClaimReview over plain HTTP: GET /claims/:id/claim-review (public JSON-LD a
// crawler can fetch) and POST /claim-review (authenticated import), on the same service
// as the GraphQL field and mutation.
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { isDatabaseUnavailable } from "../db/db-errors";
import type { PrismaClient } from "../db/prisma";
import { createServices } from "../modules/services";
import type { Logger } from "../logger";
import { ANONYMOUS } from "../modules/auth/permissions";
import { AuthenticationError, ForbiddenError, UserInputError } from "../shared/errors";
import { encodeId } from "../shared/global-id";
import { bodyErrorOf } from "./body-errors";
import { requestIdOf } from "./request-id";
import { sendDatabaseUnavailable } from "./unavailable";
import { AuthThrottledError, sendAuthThrottled, type Authenticator } from "./authentication";

const LD_JSON = "application/ld+json";

export function claimReviewRouter(prisma: PrismaClient, logger: Logger, authenticate: Authenticator): Router {
  const log = logger.child({ module: "claim-review-http" });
  const router = express.Router();
  router.get("/claims/:id/claim-review", async (req: Request<{ id: string }>, res: Response) => {
    const services = createServices(prisma, log, { principal: ANONYMOUS, requestId: requestIdOf(req, res) });
    const { claim, document } = await services.claimReviews.claimReviewById(req.params.id);
    if (!claim) return sendError(res, 404, "NOT_FOUND", "No claim has this ID.");
    if (!document)
      return sendError(res, 404, "NOT_FOUND", "The claim has no live verdict to publish as a ClaimReview.");
    res.status(200).type(LD_JSON).send(JSON.stringify(document));
  });

  router.post(
    "/claim-review",
    express.json({ type: ["application/json", LD_JSON], limit: "1mb" }),
    async (req: Request, res: Response) => {
      const principal = await authenticate(req);
      const services = createServices(prisma, log, { principal, requestId: requestIdOf(req, res) });
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

  router.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    if (error instanceof AuthenticationError) return sendError(res, 401, "UNAUTHENTICATED", error.message);
    if (error instanceof AuthThrottledError) return sendAuthThrottled(res, error);
    if (error instanceof ForbiddenError) return sendError(res, 403, "FORBIDDEN", error.message);
    const bodyError = bodyErrorOf(error);
    if (bodyError) return sendError(res, bodyError.status, bodyError.code, bodyError.message);
    if (isDatabaseUnavailable(error)) return sendDatabaseUnavailable(res);
    log.error({ err: error }, "unexpected error in a ClaimReview route");
    return sendError(res, 500, "INTERNAL_SERVER_ERROR", "Internal server error");
  });
  return router;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}
