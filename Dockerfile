# syntax=docker/dockerfile:1

ARG NODE_IMAGE=node:24.21.0-bookworm-slim

FROM ${NODE_IMAGE} AS toolchain
# The lockfile and the allowScripts policy in package.json are written by npm 11.
RUN npm install -g npm@11 && npm cache clean --force
WORKDIR /app

FROM toolchain AS deps
# Manifests only, so the install layer is reused until a dependency changes.
# npm ci needs every workspace's package.json: add a line here when a workspace is added.
COPY package.json package-lock.json ./
COPY apps/admin/package.json apps/admin/
COPY apps/api/package.json apps/api/
COPY apps/e2e/package.json apps/e2e/
COPY apps/public/package.json apps/public/
COPY apps/worker/package.json apps/worker/
COPY libs/contracts/package.json libs/contracts/
COPY libs/dev-stack/package.json libs/dev-stack/
COPY libs/domain/package.json libs/domain/
COPY libs/server/package.json libs/server/
COPY libs/testing/package.json libs/testing/
COPY tools/bench/package.json tools/bench/
COPY tools/dev-stack/package.json tools/dev-stack/
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
RUN npm run build
# Collect the server packages' build output (node resolves @aqtalu/* through the workspace symlinks to
# their ./dist). tools/* is build-time tooling; the admin's static build goes into the api target only.
RUN mkdir /out \
 && for pkg in apps/* libs/*; do \
      if [ "$pkg" != apps/admin ] && [ -d "$pkg/dist" ]; then \
        mkdir -p "/out/$pkg" && cp -R "$pkg/dist" "/out/$pkg/"; \
      fi; \
    done \
 && find /out -name '*.tsbuildinfo' -delete

FROM deps AS prod-deps
# Pruning the installed tree keeps the packages' install-script results without running them again.
RUN npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    AUDIT_CHECKPOINT_DIR=/var/lib/aqtalu/audit-checkpoints
WORKDIR /app
# Signed audit checkpoints are written here (a volume shared by every api and worker replica), and files in transit
# and the open data here (STORAGE_DIR, a volume shared by api, worker and public site).
RUN install -d -o node -g node /var/lib/aqtalu/audit-checkpoints /var/lib/aqtalu/files

FROM runtime AS api
ENV PORT=3000 \
    ADMIN_DIST_DIR=/app/apps/admin/dist
# Files stay owned by root: the node user can read the application but not change it.
COPY --from=prod-deps /app ./
COPY --from=build /out ./
COPY --from=build /app/apps/admin/dist ./apps/admin/dist
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]

FROM runtime AS worker
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz poppler-utils \
 && rm -rf /var/lib/apt/lists/*
COPY --from=prod-deps /app ./
COPY --from=build /out ./
USER node
CMD ["node", "apps/worker/dist/main.js"]

FROM runtime AS public
# The public site (Book of Memory, online applications, certificate checks): server-rendered pages, no back office.
ENV PUBLIC_SITE_PORT=3100
COPY --from=prod-deps /app ./
COPY --from=build /out ./
USER node
EXPOSE 3100
CMD ["node", "apps/public/dist/main.js"]
