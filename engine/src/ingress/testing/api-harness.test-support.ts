// Test support: a real PGlite in-memory store with a fresh keyring, the API on it and a request
// helper that records every response body (for the "no secret is ever echoed" check). Not product code.
import { InProcessBus } from '../../bus';
import { EventHub } from '../../events';
import { openStore, generateKeySpec, keyringFromSpec, type Store } from '../../store';
import { createApi, type Api, type ApiDeps } from '../api';
import { RecordingEngineControl } from './engine-control.test-support';

export const ADMIN_TOKEN = 'admin-token-0123456789abcdef';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  text: string;
  contentType: string | null;
}

export interface ApiHarness {
  store: Store;
  control: RecordingEngineControl;
  bus: InProcessBus;
  events: EventHub;
  api: Api;
  /** Every response text so far, in order. */
  responses: string[];
  /** Unexpected errors the API reported. */
  reported: unknown[];
  call<T = any>(method: string, path: string, options?: { token?: string | null; body?: unknown; rawBody?: string }): Promise<Reply<T>>;
  close(): Promise<void>;
}

/** Shards of the harness's in-process bus. */
export const HARNESS_SHARDS = 2;

/** `extra` overrides or adds API dependencies (latency source, order rate, another bus). */
export async function openApiHarness(extra: Partial<ApiDeps> = {}): Promise<ApiHarness> {
  const store = await openStore({ dataDir: 'memory://', keyring: await keyringFromSpec(generateKeySpec()) });
  const control = new RecordingEngineControl();
  const bus = new InProcessBus({ keyPrefix: `api${Math.random().toString(36).slice(2, 8)}` });
  const events = new EventHub();
  const responses: string[] = [];
  const reported: unknown[] = [];
  const api = createApi({
    store, control, bus, shards: HARNESS_SHARDS, events, adminToken: ADMIN_TOKEN, reportError: (error) => reported.push(error), ...extra,
  });
  return {
    store, control, bus, events, api, responses, reported,
    async call(method, path, options = {}) {
      const token = options.token === undefined ? ADMIN_TOKEN : options.token;
      const headers: Record<string, string> = {};
      if (token !== null) headers.authorization = `Bearer ${token}`;
      let body: string | undefined;
      if (options.rawBody !== undefined || options.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = options.rawBody ?? JSON.stringify(options.body);
      }
      const response = await api.handle(new Request(`http://localhost${path}`, { method, headers, body }));
      const text = await response.text();
      responses.push(text);
      let parsed: unknown = text;
      try { parsed = text === '' ? null : JSON.parse(text); } catch { /* a non-JSON body stays text */ }
      return { status: response.status, body: parsed as any, text, contentType: response.headers.get('content-type') };
    },
    async close() {
      await bus.close();
      await store.close();
    },
  };
}
