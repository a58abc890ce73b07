// Test support: the login controller behind the API's error handler on a real PGlite store, the
// real venue simulator for key checks, and a request helper recording every response. Not product code.
import { Elysia } from 'elysia';
import { startVenueSimulator, type VenueSimulator } from '../../../../scripts/venue/server';
import { generateKeySpec, keyringFromSpec, openStore, type Store } from '../../store';
import { createAuthenticator } from '../auth/authenticate';
import { errorHandler } from '../http/error-handler';
import { RecordingEngineControl } from '../testing/engine-control.test-support';
import { loginController, type LoginPolicy } from './index';
import { createKeyChecker } from './key-check';

export const ADMIN = 'login-admin-token-0123456789';
/** Cheap argon2id for tests (4 MiB); the algorithm and format are the production ones. */
export const TEST_ARGON2 = { memoryCost: 4096, timeCost: 2 };

export interface LoginHarness {
  store: Store;
  control: RecordingEngineControl;
  sim: VenueSimulator;
  responses: string[];
  /** Unexpected (500) errors the error handler saw. */
  reported: unknown[];
  call<T = any>(method: string, path: string, options?: { token?: string | null; body?: unknown }): Promise<{ status: number; body: T }>;
  simAccount(venue: 'binanceusdm' | 'hyperliquid', balance: number): Promise<any>;
  close(): Promise<void>;
}

export async function openLoginHarness(policy: Partial<LoginPolicy> = {}): Promise<LoginHarness> {
  const store = await openStore({ dataDir: 'memory://', keyring: await keyringFromSpec(generateKeySpec()) });
  const sim = await startVenueSimulator({ port: 0 });
  const control = new RecordingEngineControl();
  const reported: unknown[] = [];
  const authenticate = createAuthenticator({ adminToken: ADMIN, tokens: store.tokens });
  const checkKey = createKeyChecker({ binanceusdm: sim.binanceUrl, hyperliquid: sim.hyperliquidUrl }, 5000);
  const app = new Elysia({ normalize: false }).use(errorHandler((error) => reported.push(error))).use(loginController({ store, control, authenticate, checkKey, policy: { argon2: TEST_ARGON2, ...policy } }));
  const responses: string[] = [];
  return {
    store, control, sim, responses, reported,
    async call(method, path, options = {}) {
      const token = options.token === undefined ? ADMIN : options.token;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token !== null) headers.authorization = `Bearer ${token}`;
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const response = await app.handle(new Request(`http://localhost${path}`, { method, headers, body }));
      const text = await response.text();
      responses.push(text);
      return { status: response.status, body: text === '' ? null : JSON.parse(text) };
    },
    async simAccount(venue, balance) {
      const res = await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue, balance }) });
      return res.json();
    },
    async close() {
      await sim.stop();
      await store.close();
    },
  };
}
