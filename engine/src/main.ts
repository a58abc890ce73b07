// `bun run engine`: the engine process, configured by environment variables (see .env.example).
import { ConfigError, loadConfig } from './config';
import { startEngine } from './engine';

let config;
try {
  config = loadConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message);
    process.exit(2);
  }
  throw e;
}
const engine = await startEngine(config);
const stop = async () => {
  await engine.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
