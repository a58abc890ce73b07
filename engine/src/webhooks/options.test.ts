// Tests of the webhook settings: defaults, the WEBHOOK_* variables through the engine's config loader
// (validated with every other problem), and their mapping to ingress options.
import { expect, test } from 'bun:test';
import { ConfigError, loadConfig } from '../config';
import { DEFAULT_WEBHOOK_OPTIONS, webhookOptionsOf } from './options';
import { TRADINGVIEW_ADDRESSES } from './source-guard';

const base = { ENGINE_ADMIN_TOKEN: 'x'.repeat(20), ENGINE_MASTER_KEY: 'a2V5' };

test('defaults: 60 s max age, no allowlist, socket address, 4 KiB, 50/s per source', () => {
  const options = webhookOptionsOf(loadConfig(base).webhook);
  expect(options).toEqual(DEFAULT_WEBHOOK_OPTIONS);
  expect([options.maxAgeMs, options.allowlist, options.trustedProxyHeader, options.maxBodyBytes, options.ratePerSource]).toEqual([60_000, null, undefined, 4096, 50]);
});

test('every WEBHOOK_ variable maps to its option', () => {
  const options = webhookOptionsOf(loadConfig({
    ...base, WEBHOOK_MAX_AGE_MS: '15000', WEBHOOK_IP_ALLOWLIST: 'tradingview, 10.1.2.3', WEBHOOK_TRUSTED_PROXY_HEADER: 'X-Forwarded-For',
    WEBHOOK_MAX_BODY_BYTES: '2048', WEBHOOK_RATE_PER_SOURCE: '5',
  }).webhook);
  expect(options.maxAgeMs).toBe(15_000);
  expect([...options.allowlist!]).toEqual([...TRADINGVIEW_ADDRESSES, '10.1.2.3']);
  expect([options.trustedProxyHeader, options.maxBodyBytes, options.ratePerSource]).toEqual(['x-forwarded-for', 2048, 5]);
});

test('bad values are reported together with the other problems', () => {
  try {
    loadConfig({
      ...base, WEBHOOK_MAX_AGE_MS: '10', WEBHOOK_IP_ALLOWLIST: 'tradingview,not-an-ip', WEBHOOK_TRUSTED_PROXY_HEADER: 'x forwarded',
      WEBHOOK_MAX_BODY_BYTES: 'big', WEBHOOK_RATE_PER_SOURCE: '0', WEBHOOK_TYPO: '1',
    });
    throw new Error('expected ConfigError');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    const problems = (e as ConfigError).problems.join('\n');
    for (const word of ['WEBHOOK_MAX_AGE_MS', '"not-an-ip"', 'WEBHOOK_TRUSTED_PROXY_HEADER', 'WEBHOOK_MAX_BODY_BYTES', 'WEBHOOK_RATE_PER_SOURCE', 'unknown variable WEBHOOK_TYPO']) {
      expect(problems).toContain(word);
    }
  }
});
