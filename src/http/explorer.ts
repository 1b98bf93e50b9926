// The explorer (GraphiQL, built by explorer/build.ts into dist/explorer): its page on GET /
// and on a browser's GET /graphql, its content-hashed assets under /explorer/assets/. Every
// other request, GraphQL's GET (`?query=`) and POST included, passes on to the next handler.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import express, { type Request, type RequestHandler, type Response } from "express";
import type { Logger } from "../logger";
import { projectRoot } from "../project-root";

/** Where the page's assets are served (explorer/build.ts writes the same path into the page). */
export const EXPLORER_ASSETS_PATH = "/explorer/assets";

/**
 * Nothing may leave the origin: scripts, workers, styles, fonts and requests are 'self'.
 * Monaco (GraphiQL's editor) writes <style> elements and style attributes, hence
 * 'unsafe-inline' for styles only; GraphiQL's fonts are data: URLs in its stylesheet.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join("; ");

/** What a GraphQL client asks for first, before a browser's text/html. */
const GRAPHQL_TYPES = ["application/graphql-response+json", "application/json", "text/html"];

export interface ExplorerOptions {
  logger: Logger;
  /** Serve the explorer (the EXPLORER setting). Off, this router passes everything on. */
  enabled: boolean;
  /** The build's folder (default dist/explorer). */
  dir?: string;
}

/** The explorer's routes; a request other than GET or HEAD (every GraphQL POST) passes straight on. */
export function explorerRouter(options: ExplorerOptions): RequestHandler {
  const pass: RequestHandler = (_req, _res, next) => next();
  if (!options.enabled) return pass;
  const router = express.Router();
  const dir = options.dir ?? path.join(projectRoot(), "dist", "explorer");
  const indexFile = path.join(dir, "index.html");
  if (!existsSync(indexFile)) {
    options.logger.warn({ dir }, "the explorer is not built (npm run explorer:build); GET / answers 503 until it is");
  }

  // Hashed names: a new build has new names, so the browser may keep these for good.
  router.use(
    EXPLORER_ASSETS_PATH,
    (_req, res, next) => {
      setSecurityHeaders(res);
      next();
    },
    express.static(path.join(dir, "assets"), { immutable: true, maxAge: "365d", index: false, redirect: false }),
  );

  // Read on every request (it is small and browsers ask rarely), so a rebuild shows at once.
  const sendPage = async (res: Response) => {
    let html: string;
    try {
      html = await readFile(indexFile, "utf8");
    } catch {
      res.status(503).type("text/plain").send("The explorer is not built: run `npm run explorer:build`.\n");
      return;
    }
    setSecurityHeaders(res);
    res.setHeader("Cache-Control", "no-cache");
    res.status(200).type("html").send(html);
  };
  router.get("/", (_req, res) => sendPage(res));
  router.get("/graphql", (req, res, next) => {
    // The same URL answers HTML or JSON by Accept: caches must keep both apart.
    res.vary("Accept");
    if (!wantsExplorer(req)) return next();
    return sendPage(res);
  });
  return (req, res, next) => (req.method === "GET" || req.method === "HEAD" ? router(req, res, next) : next());
}

/** A browser opening the URL: no GraphQL operation in it, and HTML preferred over JSON. */
function wantsExplorer(req: Request): boolean {
  return req.query.query === undefined && req.accepts(GRAPHQL_TYPES) === "text/html";
}

function setSecurityHeaders(res: Response): void {
  res.setHeader("Content-Security-Policy", EXPLORER_CSP);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
}
