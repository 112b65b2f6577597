# syntax=docker/dockerfile:1.7-labs
# One image for every MCP-Crew role; docker-compose.yml picks the role by command:
#   serve | serve --worker-only | sandbox odoo | mcp odoo --http 8080 | mcp chatwoot --http 8081
# (the `1.7-labs` syntax is for `COPY --parents`, which copies the workspaces' manifests alone).
#
# Node: the base image's Node 24 runs everything here. The root package.json also depends on the
# npm `node` package so that `npm install` on a developer machine brings Node 24 along; in the image
# install scripts are skipped (`--ignore-scripts`), so no second Node is downloaded and nothing else
# runs install scripts either (the remaining ones only rebuild native add-ons that ship prebuilt, or
# set up Nx, which the build does not use).

ARG NODE_IMAGE=node:24-bookworm-slim

# ------------------------------------------------------------------ deps: manifests only, then npm ci
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
# Only the manifests: a source change does not invalidate the install layer.
COPY package.json package-lock.json ./
COPY --parents packages/*/package.json apps/*/package.json ./
# Exactly what package-lock.json pins. It records every platform's optional native packages
# (@swc/core-linux-arm64-gnu, ...), so this works on linux/amd64 and linux/arm64 alike
# (apps/cli/test/lockfile.spec.ts keeps it so).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund

# ------------------------------------------------------------------ build: compile, prune
FROM deps AS build
# .dockerignore keeps node_modules, dist, .git and local data out of the context.
COPY . .
# swc transpiles every workspace's src/ to dist/ (type checking is CI's job: `npm run typecheck`).
RUN npm run build
# Keep only production dependencies; the workspace symlinks in node_modules/@mcp-crew stay.
RUN --mount=type=cache,target=/root/.npm \
    npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# ------------------------------------------------------------------ runtime
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app

# Code stays owned by root, so the app (running as `node`) cannot rewrite itself; only DATA_DIR is
# writable. A named volume mounted there on first use takes this ownership.
COPY --from=build /app /app
RUN mkdir -p /app/data && chown node:node /app/data

# The base image's unprivileged user (uid 1000).
USER node
EXPOSE 3000 8080 8081 8169

# Exec form: Node itself receives SIGTERM, and the CLI lets in-flight turns finish before it exits.
# (docker-compose.yml adds `init: true`: a tiny init that forwards signals and reaps zombies.)
ENTRYPOINT ["node", "apps/cli/dist/main.js"]
CMD ["serve"]
