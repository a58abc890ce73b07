// BENCHMARKS.md from the collected figures: machine and command, targets with pass/fail, one table per
// scenario (medians of runs, the runs listed), hop splits and ratios. Formatting only; measures nothing.
import type { Collector } from './collector';
import { perFollowerSlopeMs } from './joins';
import { FANOUTS } from './scenario-frame-xadd';
import { ORDER_STEPS, orderKey } from './scenario-frame-order';
import { RAMP_FOLLOWERS, RAMP_RATES } from './scenario-ramp';
import { WEBHOOK_FOLLOWERS } from './scenario-webhook';
import { fmt } from './stats';

export interface ReportContext {
  date: string;
  machine: string;
  bun: string;
  command: string;
  runs: number;
  loadBefore: string;
  loadAfter: string;
  webhookNote: string;
}

interface Target {
  what: string;
  key: string;
  limit: number;
  unit: string;
}

export const TARGETS: readonly Target[] = [
  { what: 'whale frame -> XADD ack, p99, 1 follower', key: 'frame_to_xadd_p99_ms_1', limit: 2, unit: 'ms' },
  { what: 'whale frame -> XADD ack, p99, 10,000 followers', key: 'frame_to_xadd_p99_ms_10000', limit: 15, unit: 'ms' },
  { what: 'whale frame -> order request at the venue, p99, 1 follower, 1 shard', key: 'frame_to_order_p99_ms_1', limit: 4, unit: 'ms' },
  { what: 'whale frame -> order request at the venue, p99, 1 follower, 4 shards', key: 'frame_to_order_p99_ms_1_s4', limit: 4, unit: 'ms' },
  { what: 'whale frame -> order request at the venue, p99, 100 followers, 1 shard', key: 'frame_to_order_p99_ms_100', limit: 15, unit: 'ms' },
  { what: 'whale frame -> order request at the venue, p99, 100 followers, 4 shards', key: 'frame_to_order_p99_ms_100_s4', limit: 15, unit: 'ms' },
  { what: 'engine heap per 10,000 followers (1 symbol, one order in flight each)', key: 'engine_mib_per_10k_followers', limit: 10, unit: 'MiB' },
];

export function verdict(value: number, limit: number): string {
  if (!Number.isFinite(value)) return 'not measured';
  return value <= limit ? 'pass' : `**FAIL** (${fmt(value / limit, 1)}x)`;
}

export function renderReport(c: Collector, ctx: ReportContext): string {
  const m = (key: string, digits = 2) => fmt(c.median(key), digits);
  const runs = (key: string, digits = 2) => c.runs(key).map((x) => fmt(x, digits)).join(', ');
  const pct = (key: string) => (Number.isFinite(c.median(key)) ? `${(100 * c.median(key)).toFixed(1)}%` : 'n/a');
  const L: string[] = [];
  const table = (head: string[], rows: string[][], align?: string[]) => {
    L.push(`| ${head.join(' | ')} |`, `|${(align ?? head.map(() => '---')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`), '');
  };

  L.push('# Benchmarks', '');
  L.push(`Produced by \`${ctx.command}\` (scripts/bench/main.ts) on ${ctx.date}.`);
  L.push(`Machine: ${ctx.machine}; Bun ${ctx.bun}. Load average before ${ctx.loadBefore}, after ${ctx.loadAfter}.`);
  L.push('**The machine is shared and noisy**: other sessions may run tests and builds on the same 2 cores',
    'while this runs (compare the load averages), so tails (p99, p99.9) can carry their interference. The simulator, the engine pieces, Redis',
    'and the executor processes also share these 2 cores. Read the runs, not only the medians.');
  L.push(`Each figure is the median of ${ctx.runs} run(s); the runs are listed. Percentiles are nearest-rank within a run;`,
    'p99.9 needs 1,000+ samples per run to mean more than "the maximum" (n is given). Times are epoch ms',
    '(performance.timeOrigin + performance.now()); across processes the clock offset is measured (NTP style)',
    'and subtracted. `bun run bench --quick` is the 60-second version (1 run, short steps); `--json` prints',
    'one JSON object of medians.', '');

  L.push('## Targets', '');
  table(['target', 'limit', 'median', 'runs', 'verdict'], TARGETS.map((t) => [
    t.what, `<= ${t.limit} ${t.unit}`, `${m(t.key)} ${t.unit}`, runs(t.key), verdict(c.median(t.key), t.limit),
  ]).concat([[
    'TradingView webhook -> ack, p99, 1 follower, 1,000 alerts/s', '<= 5 ms',
    c.has('webhook_ack_p99_ms_1') ? `${m('webhook_ack_p99_ms_1')} ms` : 'not yet measured', runs('webhook_ack_p99_ms_1'),
    ctx.webhookNote || verdict(c.median('webhook_ack_p99_ms_1'), 5),
  ]]), ['---', '---:', '---:', '---', '---']);

  L.push('## 1. Whale frame -> XADD acknowledged', '');
  L.push('A Binance whale on the venue simulator (own process) trades ETH at a fixed rate; a real WhaleFeed (ccxt.pro)',
    'receives the ACCOUNT_UPDATE frames; books, CopyEngine (proportional follows, one 0.01 ETH order per follower',
    'per change) and a RedisBus (real Redis, 4 shards, unique key prefix) run in the benchmark process, wired as',
    'EngineRuntime wires them. Followers are synthetic (equity in the FollowerBook, not on the venue); after each',
    'pass their orders are settled into the book as reports and follower feeds would, so the in-flight book stays at',
    'its steady-state size. The clock starts at `rxTs` (ccxt handed the frame over) and stops when the XADD',
    'pipeline is acknowledged. Not included: the journal rows the engine appends per signal after the ack, and',
    'live events (EngineRuntime only marks the whale dirty before the diff; the hub flushes on a 50 ms timer).', '');
  table(['followers', 'changes/s', 'n/run', 'p50 ms', 'p99 ms', 'p99.9 ms', 'max ms', 'p99 runs', 'rx->diff p50/p99', 'diff->XADD p50/p99', 'venue push->rx p50/p99', 'intended->XADD p99'],
    FANOUTS.map((n) => [
      n.toLocaleString('en-US'), m(`frame_to_xadd_rate_${n}`, 0), m(`frame_to_xadd_n_${n}`, 0), m(`frame_to_xadd_p50_ms_${n}`), m(`frame_to_xadd_p99_ms_${n}`),
      m(`frame_to_xadd_p999_ms_${n}`), m(`frame_to_xadd_max_ms_${n}`), runs(`frame_to_xadd_p99_ms_${n}`),
      `${m(`rx_to_diff_p50_ms_${n}`)} / ${m(`rx_to_diff_p99_ms_${n}`)}`, `${m(`diff_to_xadd_p50_ms_${n}`)} / ${m(`diff_to_xadd_p99_ms_${n}`)}`,
      `${m(`push_to_rx_p50_ms_${n}`)} / ${m(`push_to_rx_p99_ms_${n}`)}`, m(`intended_to_xadd_p99_ms_${n}`),
    ]));
  L.push('rx->diff: frame receipt to the end of the diff loop (in-flight bookkeeping and each signal\'s encoding included); diff->XADD: the',
    'XADD frames and the Redis reply. venue push->rx: the simulator placing the whale order to ccxt handing over the frame',
    '(simulator, WebSocket, ccxt parsing; cross-process). intended->XADD: from the order\'s slot in the fixed',
    'schedule (coordinated-omission aware).', '');
  const slope = (p: string) => perFollowerSlopeMs({ followers: 1_000, ms: c.median(`frame_to_xadd_${p}_ms_1000`) }, { followers: 10_000, ms: c.median(`frame_to_xadd_${p}_ms_10000`) });
  L.push(`**Fan-out cost per follower** (slope between 1,000 followers at 50 changes/s and 10,000 at 5/s): ${fmt(slope('p50') * 1000, 2)} us at p50,`,
    `${fmt(slope('p99') * 1000, 2)} us at p99. 10,000 followers vs 1: ${fmt(c.median('frame_to_xadd_p50_ms_10000') / c.median('frame_to_xadd_p50_ms_1'), 0)}x at p50.`, '');
  if (c.has('split_total_p50_ms')) {
    L.push(`Inside one pass at 10,000 followers (CopyEngine alone, no feed; ${m('split_kib_per_change', 0)} KiB of signals per change, scripts/bench/pass-split.ts):`, '');
    table(['part', 'p50 ms', 'p99 ms', 'runs (p50)'], [
      ['diff loop (diff, risk, client order ids, in-flight book, signals encoded as made)', 'diff'], ['batches closed + XADD frames written to the socket', 'encode_book'],
      ['Redis reply after the write', 'redis'], ['whole pass', 'total'], ['SignalBatch encoding alone, same signals', 'encode_alone'],
      ['bare XADD of the same bytes (4 prebuilt frames)', 'xadd_alone'],
    ].map(([label, k]) => [label!, m(`split_${k}_p50_ms`), m(`split_${k}_p99_ms`), runs(`split_${k}_p50_ms`)]));
  }
  if (c.has('split_idle_total_p50_ms')) {
    L.push(`The same pass with 200 ms idle before each change (the frame->XADD scenario's 5 changes/s), against back to back:`,
      'the same work, met with cold caches, as a real whale change meets it. Minor page faults per change (p50):',
      `${m('split_idle_faults_p50', 0)} idle, ${m('split_faults_p50', 0)} back to back.`, '');
    table(['part', 'idle p50 ms', 'idle p99 ms', 'back to back p50 ms', 'idle / back to back (p50)', 'runs (idle p50)'],
      [['diff loop', 'diff'], ['XADD frames', 'encode_book'], ['Redis reply', 'redis'], ['whole pass', 'total']].map(([label, k]) => [
        label!, m(`split_idle_${k}_p50_ms`), m(`split_idle_${k}_p99_ms`), m(`split_${k}_p50_ms`),
        `${fmt(c.median(`split_idle_${k}_p50_ms`) / c.median(`split_${k}_p50_ms`), 2)}x`, runs(`split_idle_${k}_p50_ms`),
      ]));
  }

  L.push('## 2. Whale frame -> order request received by the venue', '');
  L.push('As in 1, with real follower accounts on the simulator and executor processes (the engine\'s Executor class,',
    'one process per shard, RedisBus, default concurrency 256; Binance orders over each account\'s WebSocket API',
    'connection, the executor\'s default, REST for an account\'s first order while its socket opens). The stop is the',
    'follower order\'s request (WebSocket API frame or HTTP request) reaching the simulator (its handler starting, before',
    'parsing and the HMAC check), as the target is worded; "matching core" is the later moment the simulator\'s core takes',
    'the order. The simulator handles requests one after another, so a burst of 100 queues there either way. Every order',
    'is a sample; "last order" is the slowest order of each whale change; "over WS" is the share of orders sent over the',
    'WebSocket API.', '');
  table(['followers', 'shards', 'changes/s', 'orders/run', 'p50 ms', 'p99 ms', 'p99.9 ms', 'last order p99', 'p99 runs', 'matching core p50 / p99', 'over WS'],
    ORDER_STEPS.map(({ followers, shards }) => {
      const k = (x: string) => orderKey(x, followers, shards);
      return [String(followers), String(shards), followers >= 100 ? '5' : '20', m(k('frame_to_order_n'), 0), m(k('frame_to_order_p50_ms')), m(k('frame_to_order_p99_ms')),
        m(k('frame_to_order_p999_ms')), m(k('frame_to_last_order_p99_ms')), runs(k('frame_to_order_p99_ms')),
        `${m(k('frame_to_order_taken_p50_ms'))} / ${m(k('frame_to_order_taken_p99_ms'))}`, pct(k('orders_websocket_share'))];
    }));
  L.push('Where the time goes, per order (p50 / p99 ms; frame->diff per whale change). XADD->dequeue can be negative: Redis hands the entry to the',
    'blocked executor before the engine has read the XADD reply. dequeue->sent includes waiting behind the other',
    'followers of the batch in the executor process; sent->venue is ccxt building and signing the request, the socket',
    'write, and the simulator finishing the requests ahead of it.', '');
  table(['followers', 'shards', 'frame->diff', 'frame->XADD', 'XADD->dequeue', 'dequeue->sent', 'sent->venue'], ORDER_STEPS.map(({ followers, shards }) => {
    const hop = (h: string) => `${m(orderKey(`order_hop_${h}_p50_ms`, followers, shards))} / ${m(orderKey(`order_hop_${h}_p99_ms`, followers, shards))}`;
    return [String(followers), String(shards), hop('frame_to_diff'), hop('frame_to_xadd'), hop('xadd_to_dequeue'), hop('dequeue_to_sent'), hop('sent_to_venue')];
  }));
  const ratio = (a: string, b: string) => fmt(c.median(a) / c.median(b), 2);
  L.push(`Ratios of p99: 4 shards / 1 shard = ${ratio('frame_to_order_p99_ms_1_s4', 'frame_to_order_p99_ms_1')} (1 follower), ${ratio('frame_to_order_p99_ms_100_s4', 'frame_to_order_p99_ms_100')} (100 followers);`,
    `100 followers / 1 follower = ${ratio('frame_to_order_p99_ms_100', 'frame_to_order_p99_ms_1')} (1 shard), ${ratio('frame_to_order_p99_ms_100_s4', 'frame_to_order_p99_ms_1_s4')} (4 shards).`, '');

  L.push(`## 3. Sustained whale frames per second (${RAMP_FOLLOWERS} followers)`, '');
  L.push('The setup of 1 with 100 followers; the whale\'s order rate is ramped. The measure is coordinated-omission aware:',
    'each whale order\'s intended send time -> the XADD ack of the first change that includes it (the feed may',
    'coalesce frames). Sustained rate: the highest rate whose p99 (and every lower rate\'s) stays within 2x the',
    'better of the two lowest rates\' p99. The ramp stops after a step over 10x or with failed publishes (inf).', '');
  table(['whale orders/s', 'intended->XADD p99 ms', 'runs', 'frame->XADD p99 ms', 'changes published/s'],
    RAMP_RATES.filter((r) => c.has(`ramp_p99_ms_${r}`)).map((r) => [String(r), m(`ramp_p99_ms_${r}`), runs(`ramp_p99_ms_${r}`), m(`ramp_frame_to_xadd_p99_ms_${r}`), m(`ramp_frames_per_sec_${r}`, 0)]));
  L.push(`**Sustained: ${m('sustained_frames_per_sec_100', 0)} whale frames/s** (runs: ${runs('sustained_frames_per_sec_100', 0)}; baseline p99 ${m('ramp_baseline_p99_ms')} ms).`, '');

  L.push('## 4. TradingView webhook -> XADD and webhook ack', '');
  if (!c.has('webhook_ack_p99_ms_1')) L.push(`Not yet measured: ${ctx.webhookNote}`, '');
  else {
    L.push('The engine\'s webhook route (Elysia controller and TradingViewIngress, engine/src/webhooks) listening on HTTP,',
      'on a real store (throwaway PostgreSQL database; the request journal is write-behind) and the copy path of 1',
      '(RedisBus, 4 shards, synthetic followers). A separate process plays TradingView: 1,000 alerts/s for 10 s',
      '(position_size growing by 0.1 ETH), open loop. Ack: the sender\'s HTTP round trip (request sent -> 200 read);',
      'webhook -> XADD: the ingress taking the request -> the XADD ack (engine clock). The first 10 alerts are warm-up.', '');
    table(['followers', 'alerts/run', 'ack p50 ms', 'ack p99 ms', 'ack p99.9 ms', 'ack p99 runs', 'intended->ack p99', 'webhook->XADD p50 / p99 / p99.9 ms', 'refused'],
      WEBHOOK_FOLLOWERS.map((n) => [String(n), m(`webhook_ack_n_${n}`, 0), m(`webhook_ack_p50_ms_${n}`), m(`webhook_ack_p99_ms_${n}`), m(`webhook_ack_p999_ms_${n}`),
        runs(`webhook_ack_p99_ms_${n}`), m(`webhook_intended_ack_p99_ms_${n}`),
        `${m(`webhook_to_xadd_p50_ms_${n}`)} / ${m(`webhook_to_xadd_p99_ms_${n}`)} / ${m(`webhook_to_xadd_p999_ms_${n}`)}`, m(`webhook_refused_${n}`, 0)]));
  }

  L.push('## 5. Memory', '');
  L.push('Heap growth after full GC (Bun.gc(true)), each in a fresh process (scripts/bench/memory-probe.ts). Engine: 10,000',
    'follows with equity, then one whale change that gives every follower one order per symbol; "settled" is after',
    'those orders are reported filled and seen in the positions (the steady state between whale changes). The Redis',
    'connection holds the bytes of its last write (the pass\'s XADD frames) until its next command; the engine figures are',
    'taken after one more command, and that buffer is listed on its own (before 2026-12-08 it was in or out at random).', '');
  const mem = (label: string, key: string, target = '') => [label, m(key), runs(key), target];
  table(['what', 'MiB (median)', 'runs', 'target'], [
    mem('engine, 10,000 followers, 1 symbol, one order in flight each', 'engine_mib_per_10k_followers', '<= 10 MiB'),
    mem('engine, 10,000 followers, 1 symbol: the last XADD still held by the Redis connection', 'engine_mib_last_write'),
    mem('engine, 10,000 followers, 1 symbol, settled', 'engine_mib_per_10k_followers_settled'),
    mem('engine, 10,000 follows + equity only', 'engine_mib_per_10k_follows_only'),
    mem('engine, 10,000 followers, 2 symbols, in flight', 'engine_mib_per_10k_followers_2sym'),
    mem('engine, 10,000 followers, 2 symbols, settled', 'engine_mib_per_10k_followers_settled_2sym'),
    mem('executor, 1,000 Binance USD-M ccxt clients (ClientPool, shared markets)', 'executor_mib_per_1k_followers_binanceusdm'),
    mem('executor, 1,000 Hyperliquid ccxt clients (ClientPool, shared markets)', 'executor_mib_per_1k_followers_hyperliquid'),
  ].filter((r) => r[1] !== 'n/a'));

  L.push('## Venue simulator throughput', '');
  table(['scenario', 'median', 'unit', 'runs', 'notes'], [
    ['venue_orders_per_sec', m('venue_orders_per_sec', 0), 'orders/s', runs('venue_orders_per_sec', 0), `32 keep-alive clients, signed Binance market orders; p99 reply ${m('venue_order_reply_p99_ms')} ms`],
    ['venue_ws_messages_per_sec', m('venue_ws_messages_per_sec', 0), 'msgs/s', runs('venue_ws_messages_per_sec', 0), '200 sockets x 4 BTCUSDT streams'],
  ], ['---', '---:', '---', '---', '---']);
  return L.join('\n');
}
