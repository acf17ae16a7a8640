# syntax=docker/dockerfile:1
# One image per service from one Dockerfile:
#   docker build --build-arg APP=feed-ingestor --target service -t dropship/feed-ingestor .
# APP selects the service the image runs (feed-ingestor, order-router, status-publisher); the
# image holds all three bundles (a few KB each) so one-shot steps such as `migrate` can run any.
# `--target sandbox` builds the iQmetrix sandbox (node built-ins only, no node_modules).

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npm run build

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only: the bundles keep every npm package external.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS service
ARG APP=feed-ingestor
ENV NODE_ENV=production APP=${APP}
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /src/dist/apps ./dist/apps
COPY --chown=node:node package.json ./
USER node
EXPOSE 3001 3002 3003
# The same file users run without Docker; arguments (e.g. `migrate`) are passed through.
ENTRYPOINT ["/bin/sh", "-c", "exec node \"dist/apps/${APP}/main.js\" \"$@\"", "--"]

FROM ${NODE_IMAGE} AS sandbox
ENV NODE_ENV=production SANDBOX_HOST=0.0.0.0 SANDBOX_PORT=8080
WORKDIR /app
COPY --from=build --chown=node:node /src/dist/tools/iqmetrix-sandbox ./
USER node
EXPOSE 8080
ENTRYPOINT ["node", "main.js"]
