# A minimal sitrep image: the CLI, the API and the web app, with the store in /data.
#   docker build -t sitrep .
#   docker run -v sitrep-data:/data -p 8080:8080 sitrep                      # serve (needs a token, see docs/deploy.md)
#   docker run -v sitrep-data:/data -v "$PWD/in:/in:ro" sitrep ingest /in    # ingest a folder
FROM node:20-bookworm-slim AS build
# better-sqlite3 12 compiles from source on Node 20.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
# `prepare` builds dist/ during the install; dev tools are dropped after it.
RUN npm ci && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
COPY --from=build /app /app
ENV SITREP_DB=/data/sitrep.db \
    SITREP_GAZETTEER=/data/gazetteer.db \
    NODE_ENV=production
VOLUME /data
EXPOSE 8080
USER node
ENTRYPOINT ["node", "bin/sitrep.js"]
CMD ["serve", "--host", "0.0.0.0", "--private"]
