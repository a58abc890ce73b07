// Every metric the Grafana dashboard and alerts.yml query is one the engine or an executor exports:
// PromQL expressions are parsed for metric names (histogram _bucket/_sum/_count resolved to their family)
// and for the label names they select or group by.
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createEngineMetrics, createExecutorMetrics, Registry } from '../src/metrics';

const ROOT = resolve(import.meta.dir, '../..');

/** Labels Prometheus attaches to every scraped series (prometheus.yml job/instance and its target labels). */
const TARGET_LABELS = ['job', 'instance', 'role', 'shard'];
/** Series Prometheus makes itself. */
const BUILTIN: Record<string, readonly string[]> = { up: [] };

interface Family {
  readonly type: string;
  readonly labels: readonly string[];
}

async function exportedFamilies(): Promise<Map<string, Family>> {
  const engine = new Registry();
  createEngineMetrics({ registry: engine });
  const executor = new Registry();
  createExecutorMetrics({ registry: executor });
  const families = new Map<string, Family>();
  for (const registry of [engine, executor]) {
    for (const m of await registry.getMetricsAsJSON()) {
      // labelNames is set on every prom-client metric at runtime (not in its typings).
      const metric = registry.getSingleMetric(m.name) as unknown as { labelNames?: string[] };
      families.set(m.name, { type: String(m.type), labels: metric.labelNames ?? [] });
    }
  }
  return families;
}

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'and', 'or', 'unless', 'inf', 'nan']);

interface ParsedQuery {
  readonly metrics: string[];
  /** metric -> label names in its selector */
  readonly selectors: { readonly metric: string; readonly labels: string[] }[];
  /** label names in by / without / on / ignoring / group_* clauses */
  readonly grouping: string[];
}

/** Metric names, selector labels and grouping labels of one PromQL expression (Grafana variables allowed). */
function parsePromQL(expr: string): ParsedQuery {
  let s = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,\s*[a-zA-Z_][a-zA-Z0-9_]*\s*\)/g, '$1')
    .replace(/\$\{[^}]*\}|\$[a-zA-Z_][a-zA-Z0-9_]*/g, '');
  const selectors: ParsedQuery['selectors'] = [];
  for (const m of s.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}/g)) {
    selectors.push({ metric: m[1]!, labels: [...m[2]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map((l) => l[1]!) });
  }
  const grouping: string[] = [];
  s = s.replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\(([^)]*)\)/g, (_all, _kw, list: string) => {
    grouping.push(...list.split(',').map((x) => x.trim()).filter(Boolean));
    return ' ';
  });
  s = s
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/(?<![a-zA-Z0-9_:.])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[a-zA-Z]*/g, ' ');
  const metrics: string[] = [];
  for (const m of s.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    const rest = s.slice(m.index! + m[0].length);
    if (/^\s*\(/.test(rest) || KEYWORDS.has(m[0].toLowerCase())) continue;
    metrics.push(m[0]);
  }
  return { metrics, selectors, grouping };
}

/** The exported family a queried name belongs to, or undefined. */
function familyOf(name: string, families: Map<string, Family>): Family | undefined {
  if (name in BUILTIN) return { type: 'builtin', labels: BUILTIN[name]! };
  const direct = families.get(name);
  if (direct) return direct;
  const m = /^(.*)_(bucket|sum|count)$/.exec(name);
  const base = m ? families.get(m[1]!) : undefined;
  if (!base || !(base.type === 'histogram' || (base.type === 'summary' && m![2] !== 'bucket'))) return undefined;
  return m![2] === 'bucket' ? { type: base.type, labels: [...base.labels, 'le'] } : base;
}

function dashboardQueries(): { where: string; expr: string }[] {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'monitoring/grafana/dashboards/whalecopy.json'), 'utf8'));
  const out: { where: string; expr: string }[] = [];
  for (const panel of dashboard.panels as { title: string; type: string; targets?: { expr: string; refId: string }[] }[]) {
    if (panel.type === 'row') continue;
    expect(panel.targets?.length ?? 0).toBeGreaterThan(0);
    for (const t of panel.targets ?? []) out.push({ where: `panel "${panel.title}" ${t.refId}`, expr: t.expr });
  }
  for (const v of dashboard.templating.list as { name: string; type: string; definition?: string }[]) {
    if (v.type === 'query') out.push({ where: `variable ${v.name}`, expr: v.definition! });
  }
  return out;
}

function alertQueries(): { where: string; expr: string }[] {
  const rules = Bun.YAML.parse(readFileSync(join(ROOT, 'monitoring/alerts.yml'), 'utf8')) as { groups: { rules: { alert: string; expr: string }[] }[] };
  return rules.groups.flatMap((g) => g.rules.map((r) => ({ where: `alert ${r.alert}`, expr: r.expr })));
}

describe('parsePromQL', () => {
  test.each([
    ['histogram_quantile(0.99, sum by (le, hop) (rate(whalecopy_hop_latency_seconds_bucket{venue=~"$venue", shard=~"$shard"}[$__rate_interval])))',
      ['whalecopy_hop_latency_seconds_bucket'], ['le', 'hop'], ['venue', 'shard']],
    ['whalecopy_feed_connected == 0 or (a_seconds > 300 and b_seconds > 3e2)', ['whalecopy_feed_connected', 'a_seconds', 'b_seconds'], [], []],
    ['sum without (state) (x{state="disconnected"}) / ignoring(state) group_left y', ['x', 'y'], ['state', 'state'], ['state']],
    ['rate(c_total[1h] offset 5m) > 3 * (d_total or 0 * e_total)', ['c_total', 'd_total', 'e_total'], [], []],
    ['label_values(whalecopy_hop_latency_seconds_count, venue)', ['whalecopy_hop_latency_seconds_count'], [], []],
    ['up{job=~"engine|executor", instance!="a{b}"} == 0', ['up'], [], ['job', 'instance']],
  ])('%s', (expr, metrics, grouping, selectorLabels) => {
    const q = parsePromQL(expr);
    expect(q.metrics).toEqual(metrics);
    expect(q.grouping).toEqual(grouping);
    expect(q.selectors.flatMap((s) => s.labels)).toEqual(selectorLabels);
  });
});

describe.each([
  ['Grafana dashboard', dashboardQueries],
  ['alerts.yml', alertQueries],
])('%s queries only what the processes export', (_name, queries) => {
  test('metric names, selector labels and grouping labels', async () => {
    const families = await exportedFamilies();
    const all = queries();
    expect(all.length).toBeGreaterThan(8);
    const problems: string[] = [];
    const used = new Set<string>();
    for (const { where, expr } of all) {
      const q = parsePromQL(expr);
      if (q.metrics.length === 0) problems.push(`${where}: no metric in ${expr}`);
      const labels = new Set(TARGET_LABELS);
      for (const name of q.metrics) {
        const family = familyOf(name, families);
        if (!family) problems.push(`${where}: ${name} is not exported`);
        else {
          used.add(name);
          for (const l of family.labels) labels.add(l);
        }
      }
      for (const s of q.selectors) {
        const family = familyOf(s.metric, families);
        for (const l of s.labels) if (family && !family.labels.includes(l) && !TARGET_LABELS.includes(l)) problems.push(`${where}: ${s.metric} has no label ${l}`);
      }
      for (const l of q.grouping) if (!labels.has(l)) problems.push(`${where}: groups by ${l}, which none of its metrics has`);
    }
    expect(problems).toEqual([]);
    expect(used.size).toBeGreaterThan(5);
  });
});

test('the dashboard shows per-hop quantiles, a heatmap of hop buckets, throughput and health', () => {
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'monitoring/grafana/dashboards/whalecopy.json'), 'utf8'));
  const panels = dashboard.panels as { type: string; title: string; targets?: { expr: string; format?: string }[] }[];
  const exprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr));
  for (const q of ['0.5', '0.99', '0.999']) expect(exprs.some((e) => e.startsWith(`histogram_quantile(${q}, sum by (le, hop)`))).toBe(true);
  const heatmap = panels.find((p) => p.type === 'heatmap')!;
  expect(heatmap.targets![0]!.format).toBe('heatmap');
  expect(heatmap.targets![0]!.expr).toContain('whalecopy_hop_latency_seconds_bucket');
  expect(panels.filter((p) => p.type === 'row').map((p) => p.title)).toEqual(['Latency per hop', 'Throughput', 'Health']);
  expect(new Set(panels.map((p) => (p as { id?: number }).id)).size).toBe(panels.length);
});
