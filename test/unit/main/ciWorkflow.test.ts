import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const WORKFLOWS = path.join(ROOT, '.github', 'workflows');
const VALIDATOR = path.join(ROOT, 'node_modules', '@action-validator', 'cli', 'cli.mjs');

/** action-validator checks a workflow against SchemaStore's GitHub workflow schema. */
function validate(file: string): { ok: boolean; output: string } {
  const run = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8', timeout: 60_000 });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

describe('GitHub Actions workflows', () => {
  const files = readdirSync(WORKFLOWS).filter((name) => /\.ya?ml$/.test(name));

  it('every workflow validates against the workflow schema', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const result = validate(path.join(WORKFLOWS, name));
      expect(result.ok, `${name}: ${result.output}`).toBe(true);
    }
  });

  it('the validator rejects a broken workflow (so the check above can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kla-wf-'));
    try {
      const bad = path.join(dir, 'bad.yml');
      writeFileSync(bad, 'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n');
      expect(validate(bad).ok).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the desktop workflow runs Electron e2e, packaging, the fuse read-back and the packaged smoke test on three systems', () => {
    const text = readFileSync(path.join(WORKFLOWS, 'desktop.yml'), 'utf8');
    expect(text).toMatch(/os: \[ubuntu-latest, macos-latest, windows-latest\]/);
    for (const step of [
      'node node_modules/electron/install.js',
      'xvfb-run -a npm test',
      '--project=electron',
      'npm run dist',
      'npm run fuses:check',
      'scripts/smoke-packaged.mjs',
      'npm run smoke:packaged',
      'gnome-keyring',
    ]) {
      expect(text, step).toContain(step);
    }
    expect(text).not.toMatch(/--no-sandbox/);
  });
});
