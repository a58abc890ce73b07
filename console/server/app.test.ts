// Tests of the console's request pipeline over real HTTP with no engine behind it (a closed port):
// the sign-in gate, session cookies, CSRF refusals, security headers, assets, 404/405 and the SSE gate.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createServer } from 'node:net';
import { loadConsoleConfig, startConsole, type ConsoleHandle } from '../index';

let app: ConsoleHandle;

/** A port nothing listens on: the engine is "down" for every call. */
async function closedPort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

beforeAll(async () => {
  app = await startConsole(loadConsoleConfig({
    CONSOLE_PORT: '0', CONSOLE_HOST: '127.0.0.1', ENGINE_URL: `http://127.0.0.1:${await closedPort()}`,
    ENGINE_ADMIN_TOKEN: 'pipeline-admin-token-0123', CONSOLE_SESSION_SECRET: 'p'.repeat(40), LOG_LEVEL: 'error',
  }));
});
afterAll(async () => { await app.stop(); });

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${app.url}${path}`, { redirect: 'manual', headers });
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
const csrfOf = async (res: Response) => /name="csrf-token" content="([^"]+)"/.exec(await res.text())?.[1] ?? '';

describe('sign-in gate and sessions', () => {
  test.each(['/console', '/console/whales', '/portal', '/portal/history'])('%s without a session redirects to sign-in', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/${path.split('/')[1]}/login`);
  });

  test('an htmx request is redirected with HX-Redirect instead of a 303', async () => {
    const res = await get('/console/whales', { 'hx-request': 'true' });
    expect([res.status, res.headers.get('hx-redirect')]).toEqual([200, '/console/login']);
  });

  test('the sign-in page opens an anonymous session: HttpOnly, SameSite=Strict, realm path; strict security headers', async () => {
    const res = await get('/console/login');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^wc_console=[^;]+; Path=\/console; HttpOnly; SameSite=Strict$/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const body = await res.text();
    expect(body).toContain('<form id="auth-form"');
    expect(body).toMatch(/<script type="module" src="\/assets\/app-[0-9a-f]{12}\.js"><\/script>/);
  });

  test('the live stream needs a signed-in session', async () => {
    const res = await get('/console/events', { accept: 'text/event-stream' });
    expect(res.status).toBe(401);
  });
});

describe('CSRF', () => {
  test('a sign-in post without the token, with a wrong one, or from another origin is 403; with it the engine is asked', async () => {
    const page = await get('/portal/login');
    const cookie = cookieOf(page);
    const csrf = await csrfOf(page);
    const post = (fields: Record<string, string>, headers: Record<string, string> = {}) => fetch(`${app.url}/portal/login`, {
      method: 'POST', redirect: 'manual', body: new URLSearchParams(fields), headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    });
    const fields = { email: 'a@b.c', password: 'whatever-1234' };
    expect((await post(fields)).status).toBe(403);
    expect((await post({ ...fields, _csrf: `${csrf}x` })).status).toBe(403);
    expect((await post({ ...fields, _csrf: csrf }, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post(fields, { 'x-csrf-token': 'nope' })).status).toBe(403);
    // Past the CSRF rule the engine is asked, and it is down here.
    const passed = await post({ ...fields, _csrf: csrf }, { origin: app.url });
    expect(passed.status).toBe(503);
    expect(await passed.text()).toContain('The engine is unavailable');
  });

  test('a token from the other realm does not count', async () => {
    const consolePage = await get('/console/login');
    const portalPage = await get('/portal/login');
    const res = await fetch(`${app.url}/portal/login`, {
      method: 'POST', redirect: 'manual', headers: { cookie: cookieOf(portalPage), 'x-csrf-token': await csrfOf(consolePage) },
    });
    expect(res.status).toBe(403);
  });
});

describe('assets and unknown routes', () => {
  test('the bundle and the stylesheet are served immutable; other asset paths are 404', async () => {
    const html = await (await get('/console/login')).text();
    const script = /src="(\/assets\/app-[^"]+)"/.exec(html)![1]!;
    const style = /href="(\/assets\/console-[^"]+)"/.exec(html)![1]!;
    for (const path of [script, style]) {
      const res = await get(path);
      expect([res.status, res.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    }
    const js = await (await get(script)).text();
    expect(js).toContain('wc-live-feed');
    expect(js).not.toContain('Lit is in dev mode');
    expect((await get('/assets/app-000000000000.js')).status).toBe(404);
  });

  test('404 and 405 (with Allow)', async () => {
    expect((await get('/nowhere')).status).toBe(404);
    const res = await fetch(`${app.url}/console/whales`, { method: 'DELETE', redirect: 'manual' });
    expect([res.status, res.headers.get('allow')]).toEqual([405, 'GET, POST']);
  });
});
