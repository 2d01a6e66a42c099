#!/usr/bin/env node
/**
 * Security gate: runs Electronegativity (@doyensec/electronegativity) over what the app is made of
 * and fails when any finding is above LOW. Electronegativity itself exits 0 whatever it finds, so
 * the gate reads its results instead.
 *
 * What is scanned, copied into a temporary folder with the repository's layout so that findings
 * name repository paths: the sources electron/, renderer/ and shared/ (where reviewed false
 * positives carry their `eng-disable` comments), the built out/renderer and out/preload (the page
 * and preload as shipped) and package.json. out/main is the bundle of electron/ with its comments
 * stripped and its Electron calls renamed (`electron.BrowserWindow`), which the checks cannot read.
 *
 * It runs through the package's documented programmatic entry (`require('@doyensec/electronegativity')`,
 * the same runner as node_modules/.bin/electronegativity) because the command line, when it writes
 * a report file, drops the files it could not parse without a word, and a file that is not parsed
 * is a file that is not checked. The results are written to electronegativity.json in a temporary
 * folder (kept and named when the gate fails).
 *
 * Offline: AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub, so it
 * is excluded (the Electron version is asserted by test/unit/security/checklist.test.ts, item 16).
 * Electronegativity also tries to fetch translations with a 1 s timeout and falls back to English.
 *
 * Usage: node test/support/electronegativity-gate.mjs [--input DIR]
 *   --input DIR  scan DIR as it is instead of the staged sources (no build, no staging).
 * Builds with electron-vite first when out/ is missing or older than the sources.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

/**
 * Electronegativity fetches translations with `got` (used for nothing else once
 * AvailableSecurityFixesGlobalCheck is excluded). Offline on Node 24, got's retry timer throws
 * "The `onCancel` handler was attached after the promise settled" and ends the process; an answer
 * of "offline" at once takes the fallback to English that a timeout would take.
 */
function offlineTranslations() {
  const engine = join(ROOT, 'node_modules', '@doyensec', 'electronegativity', 'package.json');
  const gotPath = createRequire(engine).resolve('got');
  const offline = () => Promise.reject(new Error('offline: no translations fetched'));
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: offline };
}

const SOURCES = ['electron', 'renderer', 'shared'];
const BUILT = ['out/renderer', 'out/preload'];
const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'];
const BUILD_INPUTS = [...SOURCES, 'electron.vite.config.ts', 'package.json'];
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];
const RUN_TIMEOUT_MS = 50_000;
const BUILD_TIMEOUT_MS = 300_000;
const LOW = 1;

/** A problem with the gate itself (not a finding): exit code 2. */
function fail(message) {
  throw new Error(message);
}

function parseArgs(argv) {
  if (argv.length === 0) return { input: null };
  if (argv.length === 2 && argv[0] === '--input') return { input: resolve(argv[1]) };
  fail(`unknown arguments: ${argv.join(' ')} (usage: electronegativity-gate.mjs [--input DIR])`);
}

async function newestMtime(path) {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs);
  }
  return newest;
}

async function buildIfNeeded() {
  const outputs = BUILD_OUTPUTS.map((file) => join(ROOT, file));
  let reason = null;
  if (outputs.some((file) => !existsSync(file))) {
    reason = 'out/ is missing';
  } else {
    const built = Math.min(...(await Promise.all(outputs.map((file) => newestMtime(file)))));
    const inputs = BUILD_INPUTS.map((path) => join(ROOT, path)).filter((path) => existsSync(path));
    const changed = Math.max(...(await Promise.all(inputs.map((path) => newestMtime(path)))));
    if (changed > built) reason = 'the sources are newer than out/';
  }
  if (!reason) return;
  console.log(`security gate: ${reason}; building with electron-vite`);
  const build = spawnSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: BUILD_TIMEOUT_MS,
  });
  if (build.status !== 0) fail(`electron-vite build failed (${build.error?.message ?? `exit ${build.status}`})`);
}

async function stage(dir) {
  for (const path of [...SOURCES, ...BUILT, 'package.json']) {
    const from = join(ROOT, path);
    if (!existsSync(from)) fail(`${path} is missing`);
    await cp(from, join(dir, path), { recursive: true });
  }
}

async function countScannable(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && /\.(js|jsx|ts|tsx|html?)$/i.test(entry.name)).length;
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function where(issue) {
  const line = issue.location?.line ?? 0;
  const column = issue.location?.column ?? 0;
  return issue.file === 'N/A' || line === 0 ? `${issue.file} (whole app)` : `${issue.file}:${line}:${column}`;
}

function format(issue) {
  const sample = typeof issue.sample === 'string' && issue.sample.trim() ? `\n      ${issue.sample.trim()}` : '';
  return (
    `  ${issue.severity.padEnd(13)} ${issue.id} at ${where(issue)} [${issue.confidence}]` +
    `\n      ${issue.description}${sample}\n      https://github.com/doyensec/electronegativity/wiki/${issue.id}`
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const work = await mkdtemp(join(tmpdir(), 'kla-electronegativity-'));
  let keep = false;
  try {
    let input = args.input;
    if (!input) {
      await buildIfNeeded();
      input = join(work, 'scan');
      await stage(input);
    }
    const scannable = await countScannable(input);
    if (scannable === 0) fail(`nothing to scan in ${input}`);

    const electronVersion = require(join(ROOT, 'node_modules', 'electron', 'package.json')).version;
    offlineTranslations();
    const run = require('@doyensec/electronegativity');
    const result = await withTimeout(
      run({
        input,
        isRelative: true,
        excludeFromScan: EXCLUDED_CHECKS,
        // The runner reads electronVersionOverride (the README's `electronVersion` is not read).
        electronVersionOverride: electronVersion,
        parserPlugins: [],
      }),
      RUN_TIMEOUT_MS,
      'Electronegativity',
    );
    if (!result || !Array.isArray(result.issues) || !Array.isArray(result.errors)) {
      fail('Electronegativity returned no results');
    }
    if (result.atomicChecks === 0) fail('Electronegativity ran no checks');

    const report = join(work, 'electronegativity.json');
    const findings = result.issues.map((issue) => ({
      id: issue.id,
      severity: issue.severity.name,
      severityValue: issue.severity.value,
      confidence: issue.confidence.name,
      file: issue.file,
      location: issue.location,
      sample: issue.sample,
      description: issue.description,
      manualReview: issue.manualReview,
    }));
    const unparsed = result.errors.filter((error) => !error.tolerable);
    await writeFile(report, `${JSON.stringify({ electronVersion, findings, errors: result.errors }, null, 2)}\n`);

    const blocking = findings.filter((finding) => finding.severityValue > LOW);
    const notes = findings.filter((finding) => finding.severityValue <= LOW);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `security gate: Electronegativity ${result.globalChecks} global + ${result.atomicChecks} atomic checks ` +
        `on ${scannable} files (Electron ${electronVersion}, excluded: ${EXCLUDED_CHECKS.join(', ')}) in ${seconds} s`,
    );
    if (notes.length > 0) {
      console.log(`security gate: ${notes.length} finding(s) at LOW or below (reported, not blocking):`);
      for (const finding of notes) console.log(format(finding));
    }
    if (unparsed.length > 0) {
      console.error(`security gate: ${unparsed.length} file(s) could not be parsed, so were not checked:`);
      for (const error of unparsed) console.error(`  ${error.file}: ${error.message}`);
    }
    if (blocking.length > 0) {
      console.error(`security gate: ${blocking.length} finding(s) above LOW:`);
      for (const finding of blocking) console.error(format(finding));
    }
    if (blocking.length > 0 || unparsed.length > 0) {
      keep = true;
      console.error(`security gate: FAILED (report: ${report})`);
      console.error(
        'Fix the code, or for a reviewed false positive add an eng-disable comment and document it in docs/security.md.',
      );
      process.exitCode = 1;
      return;
    }
    console.log('security gate: passed, no finding above LOW');
  } finally {
    if (!keep) await rm(work, { recursive: true, force: true });
  }
}

main()
  .catch((error) => {
    console.error(`security gate: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  })
  .finally(() => {
    // Electronegativity's translation request may still hold a socket open.
    setTimeout(() => process.exit(), 0).unref();
  });
