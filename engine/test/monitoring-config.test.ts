// monitoring/ checked the way Prometheus reads it: promtool check config / check rules / test rules
// (Debian package `prometheus`), plus the six alerts of issue 5 and the wiring between prometheus.yml,
// Grafana provisioning and docker-compose.yml.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_EXECUTOR_METRICS_PORT } from '../src/metrics';

const ROOT = resolve(import.meta.dir, '../..');
const MONITORING = join(ROOT, 'monitoring');
const PROMTOOL = Bun.which('promtool');
const IN_CI = process.env.CI === 'true' || process.env.CI === '1';
const SKIP_PROMTOOL = PROMTOOL === null && !IN_CI;
if (SKIP_PROMTOOL) {
  console.warn('SKIPPED promtool checks: promtool is not installed (apt-get install -y prometheus). With CI=true they fail instead.');
}

const yaml = (path: string) => Bun.YAML.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, any>;

function promtool(...args: string[]): { code: number; out: string } {
  if (PROMTOOL === null) throw new Error('promtool not found on PATH: install the Debian package `prometheus` (apt-get install -y prometheus)');
  const run = Bun.spawnSync([PROMTOOL, ...args], { cwd: ROOT, stdout: 'pipe', stderr: 'pipe' });
  return { code: run.exitCode ?? -1, out: `${run.stdout.toString()}${run.stderr.toString()}` };
}

describe.skipIf(SKIP_PROMTOOL)('promtool', () => {
  test('check config: prometheus.yml and the rule file it loads', () => {
    const r = promtool('check', 'config', 'monitoring/prometheus.yml');
    expect(r.out).toContain('SUCCESS: 1 rule files found');
    expect(r.code).toBe(0);
  });

  test('check rules: alerts.yml', () => {
    const r = promtool('check', 'rules', 'monitoring/alerts.yml');
    expect(r.out).toMatch(/SUCCESS: \d+ rules found/);
    expect(r.code).toBe(0);
  });

  test('test rules: the alerts fire (and stay quiet) on the synthetic series of alerts.test.yml', () => {
    const r = promtool('test', 'rules', 'monitoring/alerts.test.yml');
    expect(r.out).toContain('SUCCESS');
    expect(r.code).toBe(0);
  });

  test('the checks can fail: a broken expression and an unknown config key are refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-promtool-'));
    try {
      writeFileSync(join(dir, 'bad-rules.yml'), 'groups:\n  - name: x\n    rules:\n      - alert: Broken\n        expr: sum by (le (whalecopy_dead_letters)\n');
      writeFileSync(join(dir, 'bad-config.yml'), 'global:\n  scrape_intervall: 15s\n');
      expect(promtool('check', 'rules', join(dir, 'bad-rules.yml')).code).not.toBe(0);
      expect(promtool('check', 'config', join(dir, 'bad-config.yml')).code).not.toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('alerts.yml', () => {
  const rules = yaml('monitoring/alerts.yml').groups.flatMap((g: { rules: unknown[] }) => g.rules) as { alert?: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> }[];

  test('the six alerts of issue 5 exist: feed silent, p99 over budget, pending growing, dead letters, denial spike, drift that persists', () => {
    const names = rules.map((r) => r.alert);
    for (const name of ['WhaleFeedSilent', 'EndToEndP99OverBudget', 'EngineHopP99OverBudget', 'SignalPendingGrowing', 'DeadLettersPresent', 'DenialSpike', 'FollowerDriftPersists']) {
      expect(names).toContain(name);
    }
  });

  test.each(['WhaleFeedSilent', 'EndToEndP99OverBudget', 'SignalPendingGrowing', 'DeadLettersPresent', 'DenialSpike', 'FollowerDriftPersists'])('%s waits (for:), has a severity and a summary', (name) => {
    const rule = rules.find((r) => r.alert === name)!;
    expect(rule.for).toMatch(/^\d+[smh]$/);
    expect(['warning', 'critical']).toContain(rule.labels?.severity ?? '');
    expect(rule.annotations?.summary?.length ?? 0).toBeGreaterThan(10);
  });

  test('every alert of alerts.yml is exercised by alerts.test.yml', () => {
    const tested = new Set(yaml('monitoring/alerts.test.yml').tests.flatMap((t: { alert_rule_test: { alertname: string }[] }) => t.alert_rule_test.map((a) => a.alertname)));
    expect(rules.map((r) => r.alert!).filter((a) => !tested.has(a))).toEqual([]);
    expect(tested.size).toBe(rules.length);
  });
});

describe('wiring with docker-compose.yml', () => {
  const compose = yaml('docker-compose.yml');
  const prom = yaml('monitoring/prometheus.yml');
  const targets = (job: string): string[] => prom.scrape_configs.find((c: { job_name: string }) => c.job_name === job).static_configs.flatMap((s: { targets: string[] }) => s.targets);

  test('the engine is scraped on its API port; each executor service on 9400 + its shard', () => {
    expect(targets('engine')).toEqual(['engine:3000']);
    const executors = Object.entries(compose.services as Record<string, { command: string[] }>)
      .filter(([name]) => name.startsWith('executor-'))
      .map(([name, svc]) => `${name}:${DEFAULT_EXECUTOR_METRICS_PORT + Number(svc.command[svc.command.indexOf('--shard') + 1])}`);
    expect(executors.length).toBeGreaterThan(0);
    expect(targets('executor').sort()).toEqual(executors.sort());
  });

  test('Prometheus reads this folder at /etc/prometheus; Grafana loads provisioning and dashboards from the mounted paths', () => {
    expect(compose.services.prometheus.volumes).toContain('./monitoring:/etc/prometheus:ro');
    expect(compose.services.prometheus.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
    const provider = yaml('monitoring/grafana/provisioning/dashboards/whalecopy.yml').providers[0];
    const dashboardsMount = (compose.services.grafana.volumes as string[]).find((v) => v.startsWith('./monitoring/grafana/dashboards:'))!;
    expect(dashboardsMount.split(':')[1]).toBe(provider.options.path);
    expect(compose.services.grafana.volumes).toContain('./monitoring/grafana/provisioning:/etc/grafana/provisioning:ro');
  });

  test('the dashboard defaults to the provisioned datasource, which points at the compose Prometheus', () => {
    const ds = yaml('monitoring/grafana/provisioning/datasources/prometheus.yml').datasources[0];
    expect(ds.url).toBe('http://prometheus:9090');
    const dashboard = JSON.parse(readFileSync(join(ROOT, 'monitoring/grafana/dashboards/whalecopy.json'), 'utf8'));
    const variable = dashboard.templating.list.find((v: { name: string }) => v.name === 'datasource');
    expect(variable.current.value).toBe(ds.uid);
  });
});
