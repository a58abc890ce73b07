import { describe, expect, test } from 'bun:test';
import { finalPositions, planScenario, unitOf } from './scenario';

const whales = [{ venue: 'binanceusdm' as const }, { venue: 'hyperliquid' as const }];

describe('planScenario', () => {
  test('same seed, same plan; another seed, another plan', () => {
    const a = planScenario({ seed: 7, steps: 50, whales });
    expect(planScenario({ seed: 7, steps: 50, whales })).toEqual(a);
    expect(planScenario({ seed: 8, steps: 50, whales })).not.toEqual(a);
  });

  test('every step is valid for the position it meets', () => {
    const plan = planScenario({ seed: 3, steps: 2000, whales });
    const pos = whales.map(() => new Map<string, number>());
    const seen = new Set<string>();
    for (const s of plan) {
      const q = pos[s.whale]!.get(s.symbol) ?? 0;
      seen.add(s.action);
      expect(s.symbol.endsWith(s.venue === 'binanceusdm' ? ':USDT' : ':USDC')).toBe(true);
      expect(s.amount).toBeGreaterThan(0);
      const units = s.amount / unitOf(s.symbol);
      expect(Math.abs(units - Math.round(units))).toBeLessThan(1e-9);
      if (s.action === 'open') expect(q).toBe(0);
      if (s.reduceOnly) expect(s.amount).toBeLessThanOrEqual(Math.abs(q) + 1e-12);
      if (s.action === 'close') expect(s.after).toBe(0);
      if (s.action === 'flip') expect(Math.sign(s.after)).toBe(-Math.sign(q));
      const after = Number((q + (s.side === 'buy' ? s.amount : -s.amount)).toFixed(8));
      expect(s.after).toBe(after);
      pos[s.whale]!.set(s.symbol, after);
    }
    expect([...seen].sort()).toEqual(['add', 'close', 'flip', 'open', 'reduce']);
    const final = finalPositions(plan, whales.length);
    for (let w = 0; w < whales.length; w++) {
      for (const [sym, q] of pos[w]!) expect(final[w]!.get(sym) ?? 0).toBe(q);
    }
  });
});
