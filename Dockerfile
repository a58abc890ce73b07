# One image for every process of the project (simulator, engine, executors, console); the command picks.
# Bun comes from npm like everywhere else, so only Node and npm are needed.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production
CMD ["npx", "bun", "engine/src/main.ts"]
