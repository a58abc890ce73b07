// Table tests of the console configuration: defaults, every problem reported at once, URL and
// boolean validation.
import { expect, test } from 'bun:test';
import { ConsoleConfigError, loadConsoleConfig } from './config';

const good = { ENGINE_ADMIN_TOKEN: 'a'.repeat(16), CONSOLE_SESSION_SECRET: 's'.repeat(32) };

test('defaults', () => {
  expect(loadConsoleConfig(good)).toEqual({
    port: 3100, hostname: '0.0.0.0', engineUrl: 'http://127.0.0.1:3000', enginePublicUrl: 'http://127.0.0.1:3000', adminToken: good.ENGINE_ADMIN_TOKEN,
    sessionSecret: good.CONSOLE_SESSION_SECRET, sessionTtlMs: 480 * 60_000, cookieSecure: false, logLevel: 'info',
  });
});

test('https public URL makes cookies Secure unless told otherwise; trailing slashes go', () => {
  expect(loadConsoleConfig({ ...good, ENGINE_PUBLIC_URL: 'https://engine.example/' })).toMatchObject({ enginePublicUrl: 'https://engine.example', cookieSecure: true });
  expect(loadConsoleConfig({ ...good, ENGINE_PUBLIC_URL: 'https://e.example', CONSOLE_COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
});

test('every problem is reported together', () => {
  try {
    loadConsoleConfig({ CONSOLE_PORT: '70000', ENGINE_URL: 'ftp://x', CONSOLE_COOKIE_SECURE: 'yes', LOG_LEVEL: 'loud', CONSOLE_SESSION_SECRET: 'short' });
    throw new Error('expected a ConsoleConfigError');
  } catch (error) {
    expect(error).toBeInstanceOf(ConsoleConfigError);
    const names = (error as ConsoleConfigError).problems.map((p) => p.split(' ')[0]);
    expect(names).toEqual(['ENGINE_URL', 'ENGINE_PUBLIC_URL', 'ENGINE_ADMIN_TOKEN', 'CONSOLE_SESSION_SECRET', 'CONSOLE_COOKIE_SECURE', 'LOG_LEVEL', 'CONSOLE_PORT']);
  }
});
