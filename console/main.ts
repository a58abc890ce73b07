// `bun run console`: the ops console and follower portal as a process, configured by environment
// variables (see CONSOLE_ENV_VARS). Stops on SIGINT/SIGTERM, revoking the sign-ins it holds.
import { ConsoleConfigError, loadConsoleConfig, type ConsoleConfig } from './config';
import { startConsole } from './server/start';

let config: ConsoleConfig;
try {
  config = loadConsoleConfig();
} catch (error) {
  if (error instanceof ConsoleConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
const app = await startConsole(config);
console.log(`console: operators ${app.url}/console, followers ${app.url}/portal`);
const stop = async () => {
  await app.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
