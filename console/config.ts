// The console process's configuration from environment variables, validated all at once (every
// problem reported together), with named defaults. Nothing else in console/ reads process.env.

export interface ConsoleConfig {
  port: number;
  hostname: string;
  /** Engine base URL the console calls (HTTP and the /api/events WebSocket). */
  engineUrl: string;
  /** Engine URL shown to operators for TradingView webhooks (default: engineUrl). */
  enginePublicUrl: string;
  /** Operator token of the console process (live events, overview polling). */
  adminToken: string;
  /** Signs session cookies; at least 32 characters. */
  sessionSecret: string;
  sessionTtlMs: number;
  cookieSecure: boolean;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
}

export class ConsoleConfigError extends Error {
  readonly code = 'console_config_invalid' as const;
  constructor(readonly problems: string[]) {
    super(`invalid console configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConsoleConfigError';
  }
}

export const CONSOLE_ENV_VARS: Record<string, string> = {
  CONSOLE_PORT: 'HTTP port of the console and portal (default 3100)',
  CONSOLE_HOST: 'interface to listen on (default 0.0.0.0)',
  ENGINE_URL: 'engine base URL, e.g. http://127.0.0.1:3000 (default)',
  ENGINE_PUBLIC_URL: 'engine URL shown in TradingView webhook set-ups (default ENGINE_URL)',
  ENGINE_ADMIN_TOKEN: 'operator bearer token the console uses for live events and polling (required)',
  CONSOLE_SESSION_SECRET: 'secret signing session cookies, at least 32 characters (required)',
  CONSOLE_SESSION_TTL_MIN: 'sign-in lifetime in minutes (default 480, capped by the engine\'s)',
  CONSOLE_COOKIE_SECURE: 'true to mark cookies Secure (default: true when ENGINE_PUBLIC_URL is https)',
  LOG_LEVEL: 'debug | info | warn | error (default info)',
};

export function loadConsoleConfig(env: Record<string, string | undefined> = process.env): ConsoleConfig {
  const problems: string[] = [];
  const int = (name: string, def: number, min: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
    return n;
  };
  const url = (name: string, def: string | undefined) => {
    const raw = env[name] || def;
    if (raw === undefined) return '';
    try {
      const u = new URL(raw);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') problems.push(`${name} must use http or https, got "${u.protocol}"`);
    } catch {
      problems.push(`${name} is not a URL: "${raw}"`);
    }
    return raw.replace(/\/+$/, '');
  };
  const engineUrl = url('ENGINE_URL', 'http://127.0.0.1:3000');
  const enginePublicUrl = url('ENGINE_PUBLIC_URL', engineUrl);
  const adminToken = env.ENGINE_ADMIN_TOKEN ?? '';
  if (adminToken.length < 16) problems.push('ENGINE_ADMIN_TOKEN must be set to the engine\'s admin token (at least 16 characters)');
  const sessionSecret = env.CONSOLE_SESSION_SECRET ?? '';
  if (sessionSecret.length < 32) problems.push('CONSOLE_SESSION_SECRET must be set to at least 32 random characters');
  const secure = env.CONSOLE_COOKIE_SECURE;
  if (secure !== undefined && secure !== '' && secure !== 'true' && secure !== 'false') problems.push(`CONSOLE_COOKIE_SECURE must be true or false, got "${secure}"`);
  const logLevel = (env.LOG_LEVEL || 'info') as ConsoleConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) problems.push(`LOG_LEVEL must be debug, info, warn or error, got "${logLevel}"`);
  const config: ConsoleConfig = {
    port: int('CONSOLE_PORT', 3100, 0, 65535),
    hostname: env.CONSOLE_HOST || '0.0.0.0',
    engineUrl, enginePublicUrl, adminToken, sessionSecret,
    sessionTtlMs: int('CONSOLE_SESSION_TTL_MIN', 480, 1, 7 * 24 * 60) * 60_000,
    cookieSecure: secure === undefined || secure === '' ? enginePublicUrl.startsWith('https:') : secure === 'true',
    logLevel,
  };
  if (problems.length > 0) throw new ConsoleConfigError(problems);
  return config;
}
