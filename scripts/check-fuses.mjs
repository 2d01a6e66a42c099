#!/usr/bin/env node
// Reads every Electron fuse back from the packaged binary (@electron/fuses) and compares it with
// electron-builder.json's "electronFuses" (docs/packaging.md). Fails on a fuse that differs, and on
// a fuse this script does not know (a newer Electron added one: decide it, then list it here).
//   node scripts/check-fuses.mjs [path to the packaged executable or .app]
import path from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { builder, findPackagedApp } from './packagedApp.mjs';

/** Fuses electron-builder's own @electron/fuses cannot set yet, with the value Electron ships and we keep. */
const NOT_SET_BY_BUILDER = {
  // WebAssembly trap handlers: a V8 speed and robustness feature, no new attack surface.
  WasmTrapHandlers: true,
};

const toConfigKey = (name) => name[0].toLowerCase() + name.slice(1);
const STATE_NAMES = {
  [FuseState.ENABLE]: 'enabled',
  [FuseState.DISABLE]: 'disabled',
  [FuseState.REMOVED]: 'removed',
  [FuseState.INHERIT]: 'inherit',
};

const target = process.argv[2] ? path.resolve(process.argv[2]) : findPackagedApp().fuseTarget;
const wire = await getCurrentFuseWire(target);
const problems = [];
const rows = [];
for (const [key, state] of Object.entries(wire)) {
  if (key === 'version' || !/^\d+$/.test(key)) continue;
  const name = FuseV1Options[Number(key)];
  const configKey = name ? toConfigKey(name) : null;
  const configured = configKey ? builder.electronFuses[configKey] : undefined;
  const expected = configured ?? (name ? NOT_SET_BY_BUILDER[name] : undefined);
  const actual = STATE_NAMES[state] ?? `unknown state ${state}`;
  if (expected === undefined) {
    problems.push(
      `fuse ${name ?? `#${key}`} (${actual}) is not decided in electron-builder.json or scripts/check-fuses.mjs`,
    );
  } else if (actual !== (expected ? 'enabled' : 'disabled')) {
    problems.push(`fuse ${name} is ${actual}, expected ${expected ? 'enabled' : 'disabled'}`);
  }
  rows.push(
    `  ${(name ?? `#${key}`).padEnd(40)} ${actual.padEnd(9)} expected ${expected === undefined ? '?' : expected ? 'enabled' : 'disabled'}`,
  );
}
// Not a fuse: electron-builder re-signs an unsigned macOS app after flipping the fuses.
const BUILDER_OPTIONS = new Set(['resetAdHocDarwinSignature', 'strictlyRequireAllFuses']);
for (const configKey of Object.keys(builder.electronFuses).filter((key) => !BUILDER_OPTIONS.has(key))) {
  if (
    !Object.keys(wire).some(
      (key) => FuseV1Options[Number(key)] && toConfigKey(FuseV1Options[Number(key)]) === configKey,
    )
  ) {
    problems.push(`electron-builder.json sets ${configKey}, which this Electron binary does not have`);
  }
}
console.log(`Fuses of ${target} (wire version ${wire.version}):\n${rows.join('\n')}`);
if (problems.length > 0) {
  console.error(`\nFuse check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log(`All ${rows.length} fuses are as configured.`);
