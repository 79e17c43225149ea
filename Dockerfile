# Multi-stage build: compile TypeScript with dev dependencies, then run on a
# slim image with production dependencies only, as a non-root user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY bin ./bin
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY dialogs ./dialogs
RUN npm install --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production PORT=3978 DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm rebuild argon2 \
 && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY bin ./bin
COPY src/storage/migrations ./src/storage/migrations
COPY src/channels/webchat/public ./src/channels/webchat/public
COPY src/console ./src/console
COPY content ./content
COPY locales ./locales
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "bin/spreekuur.js", "serve"]
