/** docs/benchmarks.md §§ 6–8 (issue 15): batches at the server's pace, CLI start-up, desktop start-up. */
import type { CliStartupResult } from './cliStartup';
import type { MainStartupResult } from './mainStartup';
import type { PacingFigures } from './pacing';
import { fixed, type Summary, thousands } from './support/stats';

export const PACE_TARGETS = {
  /** A batch takes at most this multiple of N / R, with 0 failures. */
  pacedRatio: 1.1,
  /** One `koodrive-lock release`, process start to exit, against `node -e 0`. */
  cliRelease: 1.15,
  /** A CLI batch including start-up against the raw Node loop. */
  cliBatch: 1.3,
  /** Desktop main, process start → first window (plain Node), against `node -e 0`. */
  mainToWindow: 2,
  /** JavaScript main loads before its first window. */
  mainBytes: 400_000,
} as const;

export interface PaceAndStartup {
  pacing: PacingFigures[] | null;
  curlSkipped: string | null;
  cli: CliStartupResult | null;
  main: MainStartupResult | null;
  /** os.loadavg() right after each measurement. */
  loadAfter: { pacing?: number[]; cli?: number[]; main?: number[] };
}

type Verdict = 'PASS' | 'FAIL' | 'NOT MEASURED';
const verdict = (ok: boolean | null): Verdict => (ok === null ? 'NOT MEASURED' : ok ? 'PASS' : 'FAIL');
const msText = (value: number) => `${fixed(value, 1)} ms`;
const load = (values: number[] | undefined) => (values ? values.map((v) => fixed(v, 2)).join(' / ') : 'n/a');
const ratio = (a: Summary, b: Summary) => a.median / b.median;

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const gateway = (row: PacingFigures) =>
  `R = ${row.rate}/s, ${row.latencyMs}${row.jitterMs > 0 ? ` ± ${row.jitterMs}` : ''} ms`;

/** Rows for the summary table at the top of the report. */
export function paceAndStartupTargets(r: PaceAndStartup): string[][] {
  const rows: string[][] = [];
  for (const row of r.pacing?.filter((p) => p.variant === 'paced') ?? []) {
    rows.push([
      `Batch of ${thousands(row.locks)} at the server's pace (${gateway(row)}), c = ${row.concurrency}`,
      `${fixed(row.seconds / row.idealSeconds, 2)} × N / R (${fixed(row.seconds, 1)} s vs ${fixed(row.idealSeconds, 1)} s), ${row.failures} failures`,
      `0 failures, ≤ ${PACE_TARGETS.pacedRatio} × N / R`,
      verdict(row.meetsTarget),
    ]);
  }
  if (!r.pacing) rows.push(["Batch at the server's pace", 'not measured (see skipped)', '', verdict(null)]);
  const cli = r.cli;
  rows.push([
    'One `koodrive-lock release` vs `node -e 0`, process start → exit (ratio of medians)',
    cli
      ? `${fixed(ratio(cli.release, cli.nodeBare), 3)} × (${msText(cli.release.median)} vs ${msText(cli.nodeBare.median)}); ` +
        `the floor of a sound release (§ 7): ${fixed(ratio(cli.releaseFloor, cli.nodeBare), 3)} ×; ` +
        `loading node:http and node:crypto alone: ${fixed(ratio(cli.nodeBuiltins, cli.nodeBare), 3)} ×`
      : 'not measured',
    `≤ ${PACE_TARGETS.cliRelease} ×`,
    verdict(cli ? ratio(cli.release, cli.nodeBare) <= PACE_TARGETS.cliRelease : null),
  ]);
  rows.push([
    `CLI batch of ${thousands(cli?.batchLocks ?? 3000)} incl. start-up vs a raw Node loop (pre-built headers, same concurrency)`,
    cli
      ? `${fixed(ratio(cli.batchCli, cli.rawLoop), 3)} × (${msText(cli.batchCli.median)} vs ${msText(cli.rawLoop.median)}); ` +
        `the floor of a sound batch (§ 7): ${fixed(ratio(cli.batchFloor, cli.rawLoop), 3)} ×`
      : 'not measured',
    `≤ ${PACE_TARGETS.cliBatch} ×`,
    verdict(cli ? ratio(cli.batchCli, cli.rawLoop) <= PACE_TARGETS.cliBatch : null),
  ]);
  const main = r.main;
  rows.push([
    'Desktop main, spawn → first window (plain Node, electron stubbed) vs `node -e 0` spawn → exit',
    main
      ? `${fixed(ratio(main.wall, main.nodeBare), 2)} × (${msText(main.wall.median)} vs ${msText(main.nodeBare.median)}); ${thousands(main.moduleBytes)} B of JS in ${main.modules.length} files, ${main.modules.filter((m) => m.includes('node_modules')).length} from node_modules`
      : 'not measured',
    `≤ ${PACE_TARGETS.mainToWindow} ×, ≤ ${thousands(PACE_TARGETS.mainBytes)} B, none from node_modules`,
    verdict(
      main
        ? ratio(main.wall, main.nodeBare) <= PACE_TARGETS.mainToWindow &&
            main.moduleBytes <= PACE_TARGETS.mainBytes &&
            !main.modules.some((m) => m.includes('node_modules'))
        : null,
    ),
  ]);
  return rows;
}

function pacingSection(r: PaceAndStartup): string[] {
  if (!r.pacing) return ['Not measured (time budget).'];
  return [
    table(
      ['Gateway', 'Client', 'Time', '× N / R', 'Released', 'Failures', '429s', 'Requests', 'Target'],
      r.pacing.map((row) => [
        gateway(row),
        {
          before: 'before: no pacing, no re-send (concurrency 16)',
          paced: 'now: adaptive pacing + re-send of throttled',
          curl: 'curl --parallel (16), no retries',
        }[row.variant],
        `${fixed(row.seconds, 2)} s`,
        `${fixed(row.seconds / row.idealSeconds, 2)} ×`,
        thousands(row.released),
        thousands(row.failures),
        thousands(row.throttled),
        thousands(row.requests),
        verdict(row.meetsTarget),
      ]),
    ),
    '',
    `- N = ${thousands(r.pacing[0]?.locks ?? 0)} stuck locks of one user, seeded in a fresh sandbox for each row ` +
      '(`startSandbox({ seed, rate, latencyMs, jitterMs })`: a token bucket of R requests/s answering 429 with ' +
      'Retry-After and the gateway error body, latency added to every answer). The sandbox runs in the bench ' +
      'process. Bearer authentication. "before" is today\'s core with pacing off (`runBatch({ pacing: false })`) ' +
      'and one attempt per lock (`throttleRetry: { maxAttempts: 1 }`), as the batch behaved before issue 15; a ' +
      'failure is any lock not released (throttled, error or not sent). Load average after: ' +
      `${load(r.loadAfter.pacing)}.`,
    ...(r.curlSkipped ? [`- curl: skipped — ${r.curlSkipped}.`] : []),
  ];
}

function summaryRow(name: string, s: Summary, base: Summary | null): string[] {
  return [
    name,
    String(s.count),
    msText(s.median),
    msText(s.p95),
    msText(s.min),
    base ? `${fixed(s.median / base.median, 3)} ×` : '—',
  ];
}

function cliSection(r: PaceAndStartup): string[] {
  const cli = r.cli;
  if (!cli) return ['Not measured (time budget).'];
  const header = ['Process (spawn → exit)', 'n', 'Median', 'p95', 'Min', 'Median ratio'];
  return [
    table(header, [
      summaryRow('`node -e 0`', cli.nodeBare, null),
      summaryRow('`koodrive-lock release` of one lock', cli.release, cli.nodeBare),
      summaryRow(
        'floor: the least a sound release does (crypto, two fsynced audit lines, one DELETE), no product code',
        cli.releaseFloor,
        cli.nodeBare,
      ),
      summaryRow('`node -e` loading `node:http` and `node:crypto`, nothing else', cli.nodeBuiltins, cli.nodeBare),
      ...(cli.releaseCompared ? [summaryRow('the same, another build', cli.releaseCompared, cli.nodeBare)] : []),
      summaryRow(
        `raw Node loop: ${thousands(cli.batchLocks)} DELETEs, headers signed beforehand, c = ${cli.concurrency}`,
        cli.rawLoop,
        null,
      ),
      summaryRow(
        `\`koodrive-lock release --file\` of ${thousands(cli.batchLocks)} locks, c = ${cli.concurrency}`,
        cli.batchCli,
        cli.rawLoop,
      ),
      summaryRow(
        `floor of a sound batch: ${thousands(cli.batchLocks)} DELETEs signed when sent, pending and result lines fsynced, no product code but the request builder`,
        cli.batchFloor,
        cli.rawLoop,
      ),
    ]),
    '',
    `- Node ${cli.node} (the bench's, \`node_modules/.bin/node\` under \`npm run\`), the CLI started as users ` +
      'start it (`node bin/koodrive-lock.cjs`, compile cache on), app authentication with the secret in ' +
      'KOODRIVE_APP_SECRET, a fresh `--data-dir` per run (the audit log is created, written and fsynced), ' +
      'nothing else in the environment. The variants alternate in a rotating order round by round after ' +
      'warm-up rounds (hyperfine-style repeated runs side by side); locks are made before each timed run. ' +
      `${cli.timedOut ? 'The measurement stopped at its time limit. ' : ''}Load average after: ${load(r.loadAfter.cli)}.`,
    '- A release loads `out/main/cli.js`, the chunks of the release command and the core it uses; the other ' +
      "commands' chunks, the sandbox and keytar (secret from the environment or stdin) stay unloaded, and so do " +
      '`node:tls` and `node:https` for an `http://` server such as this sandbox: they load with the first ' +
      '`https://` request, which a release to a real KooDrive pays on top (test/integration/cliStartup.test.ts ' +
      'checks the list).',
    `- **Floor of a release.** The floor row (test/bench/support/releaseFloorChild.ts) is a fresh Node process that ` +
      'does only what a sound release must: load `node:crypto` and compute one HMAC-SHA256, write and fsync an audit ' +
      'line before the request leaves, send one DELETE with `node:http` (headers signed beforehand), write and fsync ' +
      `the result line. It needs ${fixed(ratio(cli.releaseFloor, cli.nodeBare), 2)} × \`node -e 0\` in this run; ` +
      `loading \`node:http\` and \`node:crypto\` alone, before any request, takes ${fixed(ratio(cli.nodeBuiltins, cli.nodeBare), 2)} ×. ` +
      `So the target of ${PACE_TARGETS.cliRelease} × (${msText(cli.nodeBare.median * (PACE_TARGETS.cliRelease - 1))} ` +
      'for everything after Node has started) is below what any signed HTTP request from a fresh Node process can ' +
      `take, audited or not. The CLI against the floor: ${fixed(ratio(cli.release, cli.releaseFloor), 2)} × the floor.`,
    `- **Floor of a batch.** The raw loop sends headers signed before it starts and writes no audit log; a sound ` +
      'batch signs each request with a fresh X-Date when it sends it (an X-Date is valid 15 minutes and a re-sent ' +
      'request must be signed again) and makes its pending line durable before the request leaves. The batch floor ' +
      "(test/bench/support/batchFloorChild.ts) does exactly that and nothing more: the core's request builder signs, " +
      'lines waiting together share one write + fsync. It needs ' +
      `${fixed(ratio(cli.batchFloor, cli.rawLoop), 2)} × the raw loop, against the ` +
      `target of ${PACE_TARGETS.cliBatch} ×; the CLI against this floor: ` +
      `${fixed(ratio(cli.batchCli, cli.batchFloor), 2)} ×.`,
  ];
}

function mainSection(r: PaceAndStartup): string[] {
  const main = r.main;
  if (!main) return ['Not measured (time budget).'];
  const header = ['Phase (fresh process each round)', 'n', 'Median', 'p95', 'Min', 'Median ratio'];
  return [
    table(header, [
      summaryRow('`node -e 0` (spawn → exit)', main.nodeBare, null),
      summaryRow('Plain Node: process start → out/main/index.js starts loading', main.nodeStart, null),
      summaryRow("Plain Node: index.js's imports loaded and evaluated", main.imports, null),
      summaryRow('Plain Node: imports done → first BrowserWindow (policies, IPC channels, menu)', main.toWindow, null),
      summaryRow('Plain Node: process start → first BrowserWindow', main.total, null),
      summaryRow('Plain Node: spawn → exit at the first BrowserWindow', main.wall, main.nodeBare),
      summaryRow("Stand-in's main side: process start → services and handlers loaded", main.standInLoad, null),
      summaryRow('Stand-in: services and handlers created', main.standInCompose, null),
    ]),
    '',
    `Loaded before the first window (${thousands(main.moduleBytes)} bytes): ${main.modules.map((m) => `\`${m}\``).join(', ')}.`,
    '',
    "- Plain Node runs the built `out/main/index.js` with `require('electron')` answered by a stub " +
      '(test/bench/support/mainStartupChild.ts) whose `app.whenReady()` resolves at once; the first ' +
      '`new BrowserWindow` ends the run. Main opens the window before it loads the services and IPC handlers ' +
      '(they load while the page starts; docs/architecture.md, "Start-up"), so they are not in these figures. ' +
      'The stand-in figure is the main side the e2e stand-in routes the page ' +
      "to (services and IPC handlers, bundled like the bench). Electron's own start (its binary is not " +
      `installed here) comes on top. Load average after: ${load(r.loadAfter.main)}.`,
    '- **Budget.** Before the first window main loads its own code only — no module from node_modules (keytar ' +
      'loads on the first keychain access, the sandbox server and its certificate generator `selfsigned` when ' +
      `the sandbox is first started) — at most ${thousands(PACE_TARGETS.mainBytes)} bytes of JavaScript, and ` +
      `reaches the window within ${PACE_TARGETS.mainToWindow} × a bare Node start. ` +
      'No `node:tls`, `node:https` or `node:dns` either: they load with the first request or connection check that ' +
      'needs them. test/integration/mainStartup.test.ts fails if the sandbox, selfsigned, the services or handlers ' +
      'chunks, or one of `node:http`, `node:https`, `node:tls`, `node:dns` is loaded before the window.',
  ];
}

export function paceAndStartupSections(r: PaceAndStartup): string[] {
  return [
    "## 6. Batch at the server's pace (throttling gateway)",
    '',
    ...pacingSection(r),
    '',
    '## 7. CLI start-up',
    '',
    ...cliSection(r),
    '',
    '## 8. Desktop start-up (on paper)',
    '',
    ...mainSection(r),
    '',
  ];
}
