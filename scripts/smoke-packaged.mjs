#!/usr/bin/env node
// Smoke test of the packaged app: starts it with --self-test and an empty data folder of its own;
// the app checks that it runs from app.asar, that its page loaded over app:// with the preload
// bridge, and that keytar (from app.asar.unpacked) stores, reads and deletes a keychain entry, then
// quits (electron/main/selfTest.ts). Passes when it exits 0 in time with every check passed.
//   node scripts/smoke-packaged.mjs [path to the packaged executable]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findPackagedApp } from './packagedApp.mjs';

const TIMEOUT_MS = 90_000;
const executable = process.argv[2] ? path.resolve(process.argv[2]) : findPackagedApp().executable;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'kla-smoke-'));

const child = spawn(executable, ['--self-test'], {
  env: { ...process.env, KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));
const timer = setTimeout(() => {
  console.error(`The packaged app did not quit within ${TIMEOUT_MS / 1000} s; stopping it.`);
  child.kill('SIGKILL');
}, TIMEOUT_MS);

child.on('error', (error) => {
  console.error(`Could not start ${executable}: ${error.message}`);
  process.exitCode = 1;
});
child.on('exit', (code, signal) => {
  clearTimeout(timer);
  const reportFile = path.join(dataDir, 'self-test.json');
  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : null;
  const logFile = path.join(dataDir, 'main.log');
  console.log(`${executable} exited with ${signal ?? code}`);
  if (report)
    for (const check of report.checks) console.log(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  if (existsSync(logFile)) console.log(`main.log:\n${readFileSync(logFile, 'utf8')}`);
  const passed = code === 0 && report?.ok === true;
  if (!passed)
    console.error(`Smoke test failed.${report ? '' : ' No self-test report was written.'}\nOutput:\n${output}`);
  rmSync(dataDir, { recursive: true, force: true });
  process.exitCode = passed ? 0 : 1;
});
