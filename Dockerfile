# syntax=docker/dockerfile:1
# One image for every MCP-Crew role; docker-compose.yml picks the role by command:
#   serve | serve --worker-only | mcp odoo --http 8080 | mcp chatwoot --http 8081
#
# Node: the base image's Node 24 runs everything here. The root package.json also depends on the
# npm `node` package so that `npm install` on a developer machine brings Node 24 along; in the image
# that package's install script is skipped (`--ignore-scripts`), so no second Node is downloaded and
# nothing else runs install scripts either (the remaining ones only rebuild native add-ons that ship
# prebuilt, or set up Nx, which the build does not use).

ARG NODE_IMAGE=node:24-bookworm-slim

# ------------------------------------------------------------------ build: install, compile, prune
FROM ${NODE_IMAGE} AS build
WORKDIR /app

# The whole workspace is needed for `npm ci` (each workspace's package.json); .dockerignore keeps
# node_modules, dist, .git and local data out of the context.
COPY . .

# `npm ci` installs exactly what package-lock.json pins. The fallback exists because a lockfile
# written against a registry mirror that lacks other platforms' optional binaries (@swc/core-darwin-*
# and the like) is refused by `npm ci` as "not in sync"; `npm install` then keeps every pinned
# version and only adds the missing optional entries. Regenerate the lockfile against the public
# registry to make the fallback unnecessary.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --ignore-scripts --no-audit --no-fund \
    || (echo "npm ci refused package-lock.json; installing with npm install (pinned versions kept)" >&2 \
        && npm install --ignore-scripts --no-audit --no-fund)

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

USER node
EXPOSE 3000 8080 8081

# Exec form: Node itself receives SIGTERM, and the CLI lets in-flight turns finish before it exits.
# (docker-compose.yml adds `init: true`: a tiny init that forwards signals and reaps zombies.)
ENTRYPOINT ["node", "apps/cli/dist/main.js"]
CMD ["serve"]
