// Public surface of console/: start the console process in-process (tests, the demo) and its config.
// The console talks to the engine only over HTTP and WebSocket; it never imports engine/src.
export { startConsole, type ConsoleHandle, type StartConsoleOptions } from './server/start';
export { loadConsoleConfig, ConsoleConfigError, CONSOLE_ENV_VARS, type ConsoleConfig } from './config';
