/** docs/benchmarks.md, written from one run's figures: nothing in it is typed by hand. */
import type { RunFigures } from './batch';
import type { CoreCpuResult } from './coreCpu';
import type { LatencyResult } from './latency';
import type { RendererResult } from './renderer';
import { type PaceAndStartup, paceAndStartupSections, paceAndStartupTargets } from './reportPaceAndStartup';
import type { SigningResult } from './signing';
import type { Machine } from './support/machine';
import type { HeapSpaces } from './support/memoryProbeChild';
import { fixed, mib, type Summary, thousands } from './support/stats';

export const TARGETS = {
  latencyRatio: 1.1,
  throughputRatio: 0.9,
  signaturesPerSecond: 50_000,
  bundleGzipBytes: 120_000,
  loadMs: 200,
  historyOpenMs: 300,
  historyFilterMs: 50,
  /** Doubling the batch (5,000 → 10,000 releases) raises the peak RSS by at most this much. */
  memoryGrowth: 0.1,
  /** A sandbox busier than this share of a core during a run may have capped that run. */
  sandboxBusy: 0.9,
} as const;

export interface MemoryProbe {
  count: number;
  completed: number;
  rssBefore: number;
  peakRss: number;
  retainedHeap: number;
  retainedHeapBefore: number;
  peakByQuarter: number[];
  heapSpaces: { before: HeapSpaces; after: HeapSpaces };
}

export interface BenchReport {
  startedAt: Date;
  durationSec: number;
  machine: Machine;
  loadAverageAfter: number[];
  signing: SigningResult;
  coreCpu: CoreCpuResult;
  /** Requests after 1 ms of idle time each. */
  latency: LatencyResult;
  /** The same, back to back. */
  latencyBackToBack: LatencyResult;
  batch: RunFigures[];
  fsyncAudit: RunFigures[];
  memory: MemoryProbe[];
  load: RunFigures | null;
  renderer: RendererResult;
  paceAndStartup: PaceAndStartup;
  skipped: string[];
}

type Verdict = 'PASS' | 'FAIL' | 'NOT MEASURED';

const verdict = (ok: boolean | null): Verdict => (ok === null ? 'NOT MEASURED' : ok ? 'PASS' : 'FAIL');
const ms = (value: number) => `${fixed(value, 3)} ms`;
const us = (value: number) => `${fixed(value, 0)} µs`;
const pct = (value: number) => `${fixed(value * 100, 0)} %`;
const kB = (bytes: number) => `${fixed(bytes / 1000, 1)} kB`;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function summaryRow(name: string, s: Summary, floor: Summary | null): string[] {
  return [
    name,
    String(s.count),
    ms(s.median),
    ms(s.p95),
    floor ? `${fixed(s.median / floor.median, 3)} ×` : '—',
    floor ? `${fixed(s.p95 / floor.p95, 3)} ×` : '—',
  ];
}

interface BatchPair {
  concurrency: number;
  core: RunFigures;
  floor: RunFigures;
  floorSigning: RunFigures | undefined;
  ratio: number;
}

function pairs(batch: readonly RunFigures[]): BatchPair[] {
  const out: BatchPair[] = [];
  for (const core of batch.filter((run) => run.variant === 'core')) {
    const floor = batch.find((run) => run.variant === 'floor' && run.concurrency === core.concurrency);
    const floorSigning = batch.find((run) => run.variant === 'floor+signing' && run.concurrency === core.concurrency);
    if (floor) {
      out.push({ concurrency: core.concurrency, core, floor, floorSigning, ratio: core.perSecond / floor.perSecond });
    }
  }
  return out;
}

/**
 * Why the peak RSS grows from one probe to the next: V8 doubles its young generation while the allocation rate
 * stays high, up to a maximum its version sets, and the old generation carries garbage until its next
 * mark-compact; both are reserved memory, not what the batch keeps (the heap after a full GC).
 */
function youngGrowthText(memory: readonly MemoryProbe[], node: string): string {
  const young = memory.map((probe) => `${mib(probe.heapSpaces.after.young)} at ${thousands(probe.count)}`).join(', ');
  const [, small, large] = memory;
  if (!small || !large) return `V8's young generation after each batch: ${young}.`;
  const peak = large.peakRss - small.peakRss;
  const youngGrowth = large.heapSpaces.after.young - small.heapSpaces.after.young;
  const oldGrowth = large.heapSpaces.after.old - small.heapSpaces.after.old;
  const kept = large.retainedHeap - small.retainedHeap;
  return (
    `While the allocation rate stays high V8 keeps doubling its young generation up to a maximum its version sets ` +
    `(on Node ${node}: ${young}), and the old generation carries garbage until its next mark-compact. From ` +
    `${thousands(small.count)} to ${thousands(large.count)} releases the peak rose by ${mib(peak)}: the young ` +
    `generation by ${mib(youngGrowth)}, the old generation's reserved space by ${mib(oldGrowth)}, and the heap ` +
    `still in use after a full GC (what the batch keeps) by ${mib(kept)}. The target row compares peak RSS, so it ` +
    "reads V8's sizing as much as the batch; the heap kept after a full GC is the batch's own share."
  );
}

export function renderReport(r: BenchReport): string {
  const { latency, latencyBackToBack, renderer } = r;
  const { history } = renderer;
  const latencyRatio = latency.core.median / latency.floor.median;
  const backToBackRatio = latencyBackToBack.core.median / latencyBackToBack.floor.median;
  const batchPairs = pairs(r.batch);
  const worstThroughput = batchPairs.length > 0 ? Math.min(...batchPairs.map((p) => p.ratio)) : Number.NaN;
  const allConcurrencies = batchPairs.length === 4;
  const [smallest, small, large] = r.memory;
  const memoryGrowth = small && large ? (large.peakRss - small.peakRss) / small.peakRss : Number.NaN;
  const runs = [...r.batch, ...r.fsyncAudit, ...(r.load ? [r.load] : [])];
  const bestCore = Math.max(...r.batch.filter((run) => run.variant === 'core').map((run) => run.perSecond));
  const bestFloor = Math.max(...r.batch.filter((run) => run.variant === 'floor').map((run) => run.perSecond));
  const loadCapacity = r.load ? 1e6 / r.load.sandboxCpuUsPerRequest : Number.NaN;
  const busiestComparedRun = r.batch.reduce<RunFigures | null>(
    (max, run) => (max === null || run.sandboxCpu > max.sandboxCpu ? run : max),
    null,
  );
  const sandboxCapped = r.batch.some((run) => run.sandboxCpu >= TARGETS.sandboxBusy);
  const cappedPairs = batchPairs.filter((p) => p.floor.sandboxCpu >= TARGETS.sandboxBusy);
  const signingPairs = batchPairs.filter((p) => p.floorSigning !== undefined);

  const summary = table(
    ['Target', 'Measured (this run)', 'Target', 'Result'],
    [
      [
        'Single release latency, core vs raw floor (ratio of medians), each request after 1 ms idle',
        `${fixed(latencyRatio, 3)} × (${ms(latency.core.median)} vs ${ms(latency.floor.median)})`,
        `≤ ${TARGETS.latencyRatio} ×`,
        verdict(latencyRatio <= TARGETS.latencyRatio),
      ],
      [
        'Single release latency, core vs raw floor (ratio of medians), requests back to back',
        `${fixed(backToBackRatio, 3)} × (${ms(latencyBackToBack.core.median)} vs ${ms(latencyBackToBack.floor.median)})`,
        `≤ ${TARGETS.latencyRatio} ×`,
        verdict(backToBackRatio <= TARGETS.latencyRatio),
      ],
      [
        'Batch throughput, core vs raw floor, worst of c = 1, 4, 16, 32',
        allConcurrencies ? `${fixed(worstThroughput, 3)} ×` : 'incomplete (see skipped)',
        `≥ ${TARGETS.throughputRatio} × at every concurrency`,
        verdict(allConcurrencies ? worstThroughput >= TARGETS.throughputRatio : null),
      ],
      [
        'Peak RSS, 10,000 vs 5,000 releases (fresh processes; 2,500 in § 2)',
        small && large ? `${mib(large.peakRss)} vs ${mib(small.peakRss)} (${fixed(memoryGrowth * 100, 1)} %)` : 'n/a',
        `flat: ≤ +${TARGETS.memoryGrowth * 100} % when the batch doubles`,
        verdict(small && large ? memoryGrowth <= TARGETS.memoryGrowth : null),
      ],
      [
        'HMAC signatures per second, one core',
        `${thousands(r.signing.perSecond)}/s`,
        `≥ ${thousands(TARGETS.signaturesPerSecond)}/s`,
        verdict(r.signing.perSecond >= TARGETS.signaturesPerSecond),
      ],
      [
        'Renderer, first screen: the JS + CSS the page loads before the lock screen (index.html and the chunks it imports statically), gzip',
        `${kB(renderer.gzipFirstScreen)} (${renderer.gzipFirstScreen} B)`,
        `≤ 120 kB (${TARGETS.bundleGzipBytes} B)`,
        verdict(renderer.gzipFirstScreen <= TARGETS.bundleGzipBytes),
      ],
      [
        'Renderer bundle, all files (the screens after the first load on first visit), gzip',
        `${kB(renderer.gzipTotal)} (${renderer.gzipTotal} B)`,
        `none since the screens were split (was ≤ 120 kB for the whole bundle)`,
        '—',
      ],
      [
        'Navigation start → lock ID input enabled (median of loads)',
        renderer.load ? `${fixed(renderer.load.median, 1)} ms` : (renderer.loadProblem ?? 'n/a'),
        `≤ ${TARGETS.loadMs} ms`,
        verdict(renderer.load ? renderer.load.median <= TARGETS.loadMs : null),
      ],
      [
        'History screen, 100,000 entries: open (first open, median)',
        history.measured
          ? `${fixed(history.coldOpen.median, 1)} ms (first of the process ${fixed(history.firstColdOpen, 1)} ms; ` +
            `again: ${fixed(history.warmOpen.median, 1)} ms)`
          : 'not measured',
        `≤ ${TARGETS.historyOpenMs} ms`,
        verdict(history.measured ? history.coldOpen.median <= TARGETS.historyOpenMs : null),
      ],
      [
        'History screen, 100,000 entries: filter (query sent → rows shown, median)',
        history.measured
          ? `${fixed(history.filter.median, 1)} ms (from the keystroke: ${fixed(history.filterFromInput.median, 1)} ms, ` +
            `${history.debounceMs} ms of it the screen's debounce)`
          : 'not measured',
        `≤ ${TARGETS.historyFilterMs} ms`,
        verdict(history.measured ? history.filter.median <= TARGETS.historyFilterMs : null),
      ],
      [
        'Sandbox not the bottleneck (busiest share of a core in a compared run)',
        busiestComparedRun
          ? `${pct(busiestComparedRun.sandboxCpu)} (${busiestComparedRun.variant}, c = ${busiestComparedRun.concurrency})`
          : 'n/a',
        `< ${pct(TARGETS.sandboxBusy)}`,
        verdict(busiestComparedRun ? !sandboxCapped : null),
      ],
      ...paceAndStartupTargets(r.paceAndStartup),
    ],
  );

  const m = r.machine;
  const machine = table(
    ['', ''],
    [
      ['Date', r.startedAt.toISOString()],
      ['CPU', `${m.cpuModel}, ${m.logicalCores} logical cores`],
      ['RAM', `${fixed(m.memoryBytes / 2 ** 30, 1)} GiB`],
      ['OS', `${m.os} (${m.kernel})`],
      ['Node', `${m.node} (V8 ${m.v8})`],
      ['Chromium', renderer.chromium ?? 'not started'],
      ['curl', m.curl],
      [
        'Load average (1/5/15 min)',
        `before ${m.loadAverage.map((v) => fixed(v, 2)).join(' / ')}; after ${r.loadAverageAfter
          .map((v) => fixed(v, 2))
          .join(' / ')}`,
      ],
      ['Run time', `${fixed(r.durationSec, 0)} s`],
    ],
  );

  const phaseLine = (l: LatencyResult) =>
    `- The core's release split at the transport call (medians): ${us(l.corePhases.beforeSendUs)} before the ` +
    `request is handed over (validation, secret, signing, pending audit entry), ${us(l.corePhases.exchangeUs)} in ` +
    `the transport's exchange (the floor's whole request: ${us(l.floor.median * 1000)}), ` +
    `${us(l.corePhases.afterAnswerUs)} after the answer (parsing, classification, result, result audit entry).`;
  const latencyTable = (l: LatencyResult) =>
    table(
      ['Variant', 'n', 'Median', 'p95', 'Median / floor', 'p95 / floor'],
      [
        summaryRow('Core: LockService.release, real HTTP transport, secret from memory', l.core, l.floor),
        summaryRow('Raw floor: node:http DELETE, keep-alive agent, headers signed beforehand', l.floor, null),
        summaryRow(
          "Floor + signing: the same DELETE, built and signed by the core's request builder while timed",
          l.floorSigning,
          l.floor,
        ),
        ...(l.curl ? [summaryRow('curl, one process per request, same headers', l.curl, l.floor)] : []),
      ],
    );
  const keychain =
    'skipped' in latency.keychain
      ? `Keychain read (keytar, separately): skipped — ${latency.keychain.skipped}.`
      : `Keychain read (real keytar via createKeytarStore on a private GNOME keyring, separately): median ${ms(
          latency.keychain.median,
        )}, p95 ${ms(latency.keychain.p95)} over ${latency.keychain.count} reads. A release from the app pays this once on top of the core figure above.`;

  const batchTable = table(
    [
      'Concurrency',
      'Core /s',
      'Floor /s',
      'Core / floor',
      'Result',
      'Client CPU per request (core / floor)',
      'Floor CPU / core CPU',
      'Floor + signing /s (× floor), CPU per request',
      'Sandbox busy (core / floor)',
      'Peak RSS (core / floor)',
    ],
    batchPairs.map((p) => [
      String(p.concurrency),
      thousands(p.core.perSecond),
      thousands(p.floor.perSecond) + (p.floor.sandboxCpu >= TARGETS.sandboxBusy ? ' (sandbox-capped)' : ''),
      `${fixed(p.ratio, 3)} ×`,
      verdict(p.ratio >= TARGETS.throughputRatio),
      `${us(p.core.clientCpuUsPerRequest)} / ${us(p.floor.clientCpuUsPerRequest)}`,
      `${fixed(p.floor.clientCpuUsPerRequest / p.core.clientCpuUsPerRequest, 3)} ×`,
      p.floorSigning
        ? `${thousands(p.floorSigning.perSecond)} (${fixed(p.floorSigning.perSecond / p.floor.perSecond, 3)} ×), ` +
          us(p.floorSigning.clientCpuUsPerRequest)
        : 'n/a',
      `${pct(p.core.sandboxCpu)} / ${pct(p.floor.sandboxCpu)}`,
      `${mib(p.core.peakRss)} / ${mib(p.floor.peakRss)}`,
    ]),
  );
  const incomplete = runs.filter((run) => run.completed < run.requested);

  const auditLines = r.fsyncAudit.map((run) => {
    const memoryRun = batchPairs.find((p) => p.concurrency === run.concurrency)?.core;
    const relative = memoryRun
      ? ` = ${fixed(run.perSecond / memoryRun.perSecond, 3)} × the core with the memory sink`
      : '';
    return `- c = ${run.concurrency}: ${thousands(run.perSecond)} releases/s${relative} (${thousands(run.completed)} of ${thousands(
      run.requested,
    )} releases in the ${fixed(run.seconds, 1)} s allowed; two fsynced appends per release, appends in flight share one write + fsync).`;
  });

  const memoryTable = table(
    [
      'Releases (c = 32)',
      'Completed',
      'RSS before',
      'Peak RSS',
      'Peak RSS after each quarter of the batch',
      'Heap kept after a full GC (before → after)',
      'V8 young generation (before → after)',
    ],
    r.memory.map((probe) => [
      thousands(probe.count),
      thousands(probe.completed),
      mib(probe.rssBefore),
      mib(probe.peakRss),
      probe.peakByQuarter.map((peak) => fixed(peak / 2 ** 20, 1)).join(' → ') + ' MiB',
      `${mib(probe.retainedHeapBefore)} → ${mib(probe.retainedHeap)}`,
      `${mib(probe.heapSpaces.before.young)} → ${mib(probe.heapSpaces.after.young)}`,
    ]),
  );
  const keptPerRelease =
    smallest && large
      ? (large.retainedHeap - large.retainedHeapBefore - (smallest.retainedHeap - smallest.retainedHeapBefore)) /
        (large.completed - smallest.completed)
      : Number.NaN;
  const stepUp = smallest && small ? small.peakRss - smallest.peakRss : Number.NaN;

  const bundleTable = table(
    ['File', 'Loaded', 'Bytes', 'gzip'],
    [
      ...renderer.files.map((file) => [
        `out/renderer/assets/${file.name}`,
        file.firstScreen ? 'at start' : 'on first visit of a screen',
        thousands(file.bytes),
        thousands(file.gzipBytes),
      ]),
      ['**First screen**', '', '', `**${thousands(renderer.gzipFirstScreen)}**`],
      ['**Total**', '', `**${thousands(renderer.rawTotal)}**`, `**${thousands(renderer.gzipTotal)}**`],
    ],
  );

  const floorClientCpu = batchPairs.map((p) => p.floor.clientCpuUsPerRequest);
  const coreClientCpu = batchPairs.map((p) => p.core.clientCpuUsPerRequest);
  const gapUs = (latency.core.median - latency.floor.median) * 1000;
  const allowanceUs = latency.floor.median * (TARGETS.latencyRatio - 1) * 1000;
  const backToBackGapUs = (latencyBackToBack.core.median - latencyBackToBack.floor.median) * 1000;
  const backToBackAllowanceUs = latencyBackToBack.floor.median * (TARGETS.latencyRatio - 1) * 1000;
  const signUs = 1e6 / r.signing.perSecond;

  const c = r.coreCpu;
  const analysis = [
    `- **Latency.** After an idle wait the core's median is ${us(gapUs)} above the floor's; ${TARGETS.latencyRatio} × ` +
      `allows ${us(allowanceUs)}. Back to back the gap is ${us(backToBackGapUs)} (${TARGETS.latencyRatio} × allows ` +
      `${us(backToBackAllowanceUs)}). The split in § 1 shows where it is (after idle): the core's own work before ` +
      `sending (${us(latency.corePhases.beforeSendUs)}) and after the answer (${us(latency.corePhases.afterAnswerUs)}), ` +
      `and the transport's exchange at ${us(latency.corePhases.exchangeUs)} against the floor's whole request at ` +
      `${us(latency.floor.median * 1000)} (the transport's own bookkeeping: a deadline timer, the abort hook, headers ` +
      `and body collected for parsing). Signing at send time alone, the one step no client can ` +
      `do ahead (the X-Date and the lock ID are only known when the user asks), takes the floor to ` +
      `${fixed(latency.floorSigning.median / latency.floor.median, 3)} × after idle and ` +
      `${fixed(latencyBackToBack.floorSigning.median / latencyBackToBack.floor.median, 3)} × back to back. Without any network the core spends ${fixed(c.usPerRelease, 1)} µs of CPU per ` +
      `release in a warm loop (signing alone is ${fixed(signUs, 1)} µs); the same release right after 1 ms of idle ` +
      `time takes ${us(c.coldUs)} against ${us(c.warmUs)} straight after: on this VM, code and data go cold during ` +
      'any wait, so every microsecond of work on the critical path costs several when a request follows a pause. ' +
      'The floor does none of that work while the clock runs: its headers were validated and signed before, and it ' +
      'builds no audit entry, result or remedy.',
    batchPairs.length > 0
      ? `- **Throughput.** The client spends ${coreClientCpu.map((v) => fixed(v, 0)).join(' / ')} µs of CPU per ` +
        `release with the core and ${floorClientCpu.map((v) => fixed(v, 0)).join(' / ')} µs with the floor (c = ${batchPairs
          .map((p) => p.concurrency)
          .join(
            ' / ',
          )}). Where the client sets the pace, a ratio ≥ ${TARGETS.throughputRatio} needs the core within ${fixed(
          (1 / TARGETS.throughputRatio - 1) * 100,
          0,
        )} % of the floor's CPU: all the core's own work per release (validation, signing, two audit entries, ` +
        `parsing, classification, batch bookkeeping) would have to fit in about ${us(
          Math.min(...floorClientCpu) * (1 / TARGETS.throughputRatio - 1),
        )}. ` +
        (signingPairs.length > 0
          ? `Signing alone does not fit: the floor that builds and signs each request as it sends it, as the core ` +
            `must, spends ${signingPairs
              .map((p) => fixed((p.floorSigning?.clientCpuUsPerRequest ?? 0) - p.floor.clientCpuUsPerRequest, 0))
              .join(' / ')} µs more client CPU per request than the floor and reaches ${signingPairs
              .map((p) => `${fixed((p.floorSigning?.perSecond ?? 0) / p.floor.perSecond, 2)} ×`)
              .join(' / ')} of its rate (c = ${signingPairs.map((p) => p.concurrency).join(' / ')}). `
          : '') +
        (cappedPairs.length > 0
          ? `At c = ${cappedPairs.map((p) => p.concurrency).join(', ')} the sandbox was busy ≥ ${pct(
              TARGETS.sandboxBusy,
            )} of its core during the floor's run, so there the floor's rate is the sandbox's ceiling.`
          : `The sandbox stayed below ${pct(TARGETS.sandboxBusy)} of its core in every run, so the client set the pace.`)
      : '- **Throughput.** Not measured (see skipped).',
    r.load
      ? `- **Sandbox capacity.** Driven by the raw floor at c = 64 it served ${thousands(r.load.perSecond)} requests/s using ` +
        `${pct(r.load.sandboxCpu)} of one core, ${fixed(r.load.sandboxCpuUsPerRequest, 0)} µs of CPU per request: ` +
        `about ${thousands(loadCapacity)} requests/s at a full core, against the best compared rates of ` +
        `${thousands(bestCore)}/s (core) and ${thousands(bestFloor)}/s (floor).`
      : '- **Sandbox capacity.** Not measured (see skipped).',
  ];

  const method = [
    '- One `npm run bench` run produces every figure below; this file is its output. The bench (`test/bench/run.ts`) ' +
      'and the sandbox process are bundled by `test/bench/build.mjs` with esbuild into `out/bench/` and run by plain ' +
      'Node, so the core, the transport and the sandbox run compiled as they ship. (Under tsx, which the tests use, ' +
      'every function created at run time is wrapped in a `__name()` call, which costs the closure-heavy HTTP path ' +
      'tens of microseconds per request.)',
    '- The KooDrive sandbox (`startSandbox`, HTTP on 127.0.0.1, HMAC app authentication, X-Date window checked) runs in ' +
      'a forked process of its own, so on this 2-core machine the client measured and the server use different cores, ' +
      "the client's RSS is its own, and the sandbox's CPU share can be read for every run (`process.cpuUsage` in the child). " +
      "In-process, the server's work would run on the client's event loop and be added to every figure in series. " +
      'Locks are made by the sandbox process itself (`sandbox.addLock()`, on request over the IPC channel) before the ' +
      'clock starts, one per request of every variant, so no HTTP round trip for lock creation is mixed into the timing.',
    '- The profile uses app (HMAC-SHA256) authentication: the core signs each request with a fresh X-Date; the raw floor ' +
      'sends headers built by the same request builder before timing (one set per lock). A third client, "floor + ' +
      'signing", is the floor building and signing each request as it sends it, which shows what signing alone ' +
      'costs. Every request must succeed (core: a LockResult with ok; the others: HTTP 200); a failure aborts the run.',
    `- Latency: ${latency.rounds} rounds after ${200} warm-up rounds, each round one core and one floor release (and ` +
      'curl every 10th round) in a rotating order (AB, BA / ABC, BCA, CAB). Measured twice: with 1 ms of idle time ' +
      'before each request (a release after a pause, as a click in the app is: every variant meets a server at rest and ' +
      `cold caches), and back to back (${latencyBackToBack.rounds} rounds). Locks and floor headers are prepared in ` +
      'blocks of 250 rounds.',
    `- Throughput: ${thousands(10_000)} releases per run; core = \`runBatch\` + \`LockService\` (memory-only counting ` +
      'audit sink); floor = the same number of workers looping over one keep-alive agent. The order core/floor ' +
      'alternates per concurrency. RSS is sampled every 25 ms in both. Each run is capped at 30 s.',
    '- Memory: the same core batch at c = 32 in a fresh process for 2,500 and for 10,000 releases (a long-lived ' +
      'process keeps the heap it grew earlier, which would hide growth).',
    '- Signing: `signAppRequest` over 256 distinct prepared inputs, 15 windows of 200 ms after one warm-up window; the median rate.',
    '- Renderer: gzip (zlib default level) of `out/renderer/assets/*.js` and `*.css` from `npm run build`. The ' +
      'first-screen figure counts the files `out/renderer/index.html` names (its script, modulepreload links and ' +
      'stylesheet) and the chunks they import statically; the screens after the first one are `React.lazy` chunks ' +
      '(renderer/src/app/lazyScreens.ts) loaded on their first visit, counted in the total only. ' +
      `${
        renderer.load?.count ?? 0
      } loads (after 2 warm-up loads) of the built page in Chromium (${'`'}chromium.launch${'`'} with the flags of ` +
      `playwright.config.ts), served by test/e2e's static server with the production CSP, \`window.lockAdmin\` routed ` +
      `to the real handlers (secrets: ${renderer.keychain === 'keytar' ? 'real keytar' : 'in-memory store, no keychain'}). ` +
      'The time is `performance.now()` (from navigation start) when a MutationObserver first sees `#lock-id` enabled. ' +
      'The history is timed in the page as well: from the click on "History" (or the input event of the filter ' +
      'field) to the count and first row in the DOM plus one animation frame; the audit log is written with the ' +
      "e2e suite's fixture generator. The bridge crosses the DevTools protocol where the app uses Electron IPC.",
    '- Timings on a shared 2-core VM are noisy; read ratios of figures taken side by side in the same run, not absolute values.',
  ];

  return [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench\` on ${r.startedAt.toISOString()}; do not edit by hand (re-run the command).`,
    '',
    '## Results against the targets',
    '',
    summary,
    '',
    '## Machine',
    '',
    machine,
    '',
    '## Method',
    '',
    ...method,
    '',
    '## 1. Single release latency',
    '',
    'Each request after 1 ms of idle time:',
    '',
    latencyTable(latency),
    '',
    phaseLine(latency),
    '',
    'Back to back:',
    '',
    latencyTable(latencyBackToBack),
    '',
    phaseLine(latencyBackToBack),
    '',
    `- ${keychain}`,
    ...(latency.curlProblem ? [`- curl failed: ${latency.curlProblem}`] : []),
    ...(latency.timedOut || latencyBackToBack.timedOut ? ['- A latency loop stopped at its time limit.'] : []),
    '',
    '## 2. Batch throughput (10,000 releases per run)',
    '',
    batchTable,
    '',
    ...(incomplete.length > 0
      ? [
          `Runs stopped at their time limit: ${incomplete
            .map((run) => `${run.variant} c = ${run.concurrency} (${run.completed} of ${run.requested})`)
            .join('; ')}. Their rate is over the releases completed.`,
          '',
        ]
      : []),
    "The product's fsynced audit log (`createAuditLog`) instead of the memory sink, same core:",
    '',
    ...(auditLines.length > 0 ? auditLines : ['- not measured (time budget)']),
    '',
    'Peak memory as the batch grows (core, fresh process each):',
    '',
    memoryTable,
    '',
    ...(Number.isFinite(keptPerRelease)
      ? [
          `What the batch keeps grows by ${thousands(keptPerRelease)} bytes per release: \`runBatch\` returns every ` +
            'LockResult (the GUI and the CLI show them and write the results CSV), and the lock IDs are held as given. ' +
            `From 2,500 to 5,000 releases the peak rises by ${mib(stepUp)}. ${youngGrowthText(r.memory, r.machine.node)}`,
          '',
        ]
      : []),
    '## 3. Signing',
    '',
    `\`signAppRequest\`: ${thousands(r.signing.perSecond)} signatures/s on one core (${fixed(
      1e6 / r.signing.perSecond,
      1,
    )} µs each; ${thousands(r.signing.signatures)} signatures in ${r.signing.windows} windows).`,
    '',
    '## 4. Renderer',
    '',
    bundleTable,
    '',
    renderer.load
      ? `Navigation start → lock ID input enabled: median ${fixed(renderer.load.median, 1)} ms, p95 ${fixed(
          renderer.load.p95,
          1,
        )} ms, min ${fixed(renderer.load.min, 1)} ms, max ${fixed(renderer.load.max, 1)} ms over ${renderer.load.count} loads.`
      : `Navigation timing not measured: ${renderer.loadProblem ?? 'unknown reason'}.`,
    '',
    ...(history.measured
      ? [
          `History screen over an audit log of ${thousands(history.entries)} entries (${thousands(
            history.operations,
          )} operations, one file), each time until the operation count and the first row are in the page plus one ` +
            'animation frame:',
          '',
          table(
            ['Step', 'n', 'Median', 'p95', 'Min', 'Max'],
            [
              ['Open, fresh history index (reads and parses the log)', history.coldOpen],
              ['Open again (the index only checks the files)', history.warmOpen],
              ['Filter "Lock ID contains": query sent → rows shown', history.filter],
              [`Filter: keystroke → rows shown (${history.debounceMs} ms debounce included)`, history.filterFromInput],
            ].map(([name, s]) => {
              const stats = s as Summary;
              return [
                name as string,
                String(stats.count),
                `${fixed(stats.median, 1)} ms`,
                `${fixed(stats.p95, 1)} ms`,
                `${fixed(stats.min, 1)} ms`,
                `${fixed(stats.max, 1)} ms`,
              ];
            }),
          ),
          '',
          `The first fresh-index open of the bench process took ${fixed(history.firstColdOpen, 1)} ms: V8 has not ` +
            'compiled the log parser yet, as in the first History visit after the app starts. The later opens ' +
            'build a new index from the same file with the parser compiled.',
          '',
          'The filter target is read against the work after the debounce: the screen waits ' +
            `${history.debounceMs} ms after the last keystroke on purpose, so that typing does not send a query per key.`,
        ]
      : [`History screen with 100,000 audit entries: **not measured** — ${history.reason}`]),
    '',
    '## 5. Sandbox capacity',
    '',
    r.load
      ? `Raw floor at c = 64 over ${thousands(r.load.completed)} releases: ${thousands(r.load.perSecond)} requests/s, ` +
        `sandbox process busy ${pct(r.load.sandboxCpu)} of one core (${fixed(r.load.sandboxCpuUsPerRequest, 0)} µs CPU ` +
        `per request, lock table of up to 10,000 locks), load generator ${fixed(r.load.clientCpuUsPerRequest, 0)} µs CPU per request. ` +
        `Sandbox busy share in every compared run: ${runs
          .filter((run) => run.variant !== 'load')
          .map((run) => `${run.variant} c=${run.concurrency} ${pct(run.sandboxCpu)}`)
          .join(', ')}.`
      : 'Not measured (time budget).',
    '',
    ...paceAndStartupSections(r.paceAndStartup),
    '## Where the time goes',
    '',
    ...analysis,
    ...(r.skipped.length > 0 ? ['', `Skipped for the time budget: ${r.skipped.join('; ')}.`] : []),
    '',
  ].join('\n');
}
