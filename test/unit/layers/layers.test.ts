import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rules of eslint.config.mjs (docs/testing.md#layers), run through ESLint's own API.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const LAYERED_FOLDERS = ['electron', 'renderer', 'shared'];
const SOURCE_FILE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;

let eslint: ESLint;
beforeAll(async () => {
  eslint = new ESLint({ cwd: repoRoot });
  // The first lint loads the config and the parser (seconds on a busy machine): done here, not in a test.
  await eslint.lintText('\n', { filePath: join(repoRoot, 'shared/warmUp.ts') });
}, 60_000);

async function layerErrors(filePath: string, statement: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${statement}\n`, { filePath: join(repoRoot, filePath) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

async function sourceFiles(folder: string): Promise<string[]> {
  const entries = await readdir(join(repoRoot, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && SOURCE_FILE.test(entry.name))
    .map((entry) => relative(repoRoot, join(entry.parentPath, entry.name)));
}

// [file the import is written in, import specifier]
const refused: [string, string][] = [
  ['electron/core/clock.ts', 'electron'],
  ['electron/core/clock.ts', 'electron/main'],
  ['electron/core/clock.ts', '../ipc/dispatch'],
  ['electron/core/clock.ts', '../main/window'],
  ['electron/core/clock.ts', '../cli/main'],
  ['electron/core/clock.ts', '../sandbox/server'],
  ['electron/core/clock.ts', '../app/services'],
  ['electron/core/clock.ts', 'react'],
  ['electron/core/koodrive/sign.ts', '../../ipc/dispatch'],
  ['electron/core/koodrive/sign.ts', '../../../electron/main/window'],
  ['electron/core/koodrive/sign.ts', '../../../renderer/src/App'],
  ['electron/core/koodrive/sign.ts', '../../../../outside'],
  ['electron/ipc/dispatch.ts', '../main/window'],
  ['electron/ipc/dispatch.ts', '../../electron/main/window'],
  ['electron/ipc/dispatch.ts', 'electron'],
  ['electron/cli/main.ts', '../ipc/dispatch'],
  ['electron/cli/main.ts', '../main/window'],
  ['electron/cli/main.ts', '../app/services'],
  ['electron/cli/main.ts', 'electron'],
  ['electron/cli/commands/release.ts', '../../ipc/dispatch'],
  ['electron/sandbox/server.ts', '../core/koodrive/sign'],
  ['electron/sandbox/server.ts', '../ipc/dispatch'],
  ['electron/sandbox/server.ts', 'electron'],
  ['electron/preload/index.ts', 'node:fs'],
  ['electron/preload/index.ts', '../core/clock'],
  ['electron/preload/index.ts', 'react'],
  ['electron/main/index.ts', '../cli/main'],
  ['electron/main/index.ts', '../preload/index'],
  ['renderer/src/components/App.tsx', '../../../electron/core/clock'],
  ['renderer/src/components/App.tsx', 'electron'],
  ['renderer/src/components/App.tsx', 'node:fs'],
  ['shared/profile.ts', '../electron/core/clock'],
  ['shared/profile.ts', '../renderer/src/App'],
  ['shared/profile.ts', 'node:fs'],
  ['shared/profile.ts', 'electron'],
];

const permitted: [string, string][] = [
  ['electron/core/clock.ts', './koodrive/sign'],
  ['electron/core/clock.ts', '../../shared/profile'],
  ['electron/core/clock.ts', 'node:crypto'],
  ['electron/core/koodrive/sign.ts', '../audit/auditChain'],
  ['electron/core/koodrive/sign.ts', '../../../shared/profile'],
  ['electron/ipc/dispatch.ts', '../core/lockService'],
  ['electron/ipc/dispatch.ts', '../sandbox/server'],
  ['electron/ipc/dispatch.ts', '../../shared/contract'],
  ['electron/cli/main.ts', '../core/lockService'],
  ['electron/cli/main.ts', '../../package.json'],
  // From a subfolder, '../main' is the CLI's own main.ts, not electron/main.
  ['electron/cli/commands/release.ts', '../main'],
  ['electron/sandbox/server.ts', '../../shared/identifiers'],
  ['electron/sandbox/server.ts', 'node:http'],
  ['electron/sandbox/server.ts', 'selfsigned'],
  ['electron/preload/index.ts', 'electron'],
  ['electron/preload/index.ts', '../../shared/contract'],
  ['electron/main/index.ts', 'electron'],
  ['electron/main/index.ts', '../ipc/dispatch'],
  ['renderer/src/components/App.tsx', 'react'],
  ['renderer/src/components/App.tsx', '../../../shared/contract'],
  ['renderer/src/components/App.tsx', '../lib/store'],
  ['shared/profile.ts', './identifiers'],
];

describe('layer rules (eslint.config.mjs)', () => {
  it.each(refused)('%s may not import %s', async (filePath, specifier) => {
    const errors = await layerErrors(filePath, `import '${specifier}';`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('docs/testing.md#layers');
  });

  it.each(permitted)('%s may import %s', async (filePath, specifier) => {
    expect(await layerErrors(filePath, `import '${specifier}';`)).toEqual([]);
  });

  it('checks re-exports as well as imports', async () => {
    expect(await layerErrors('electron/cli/main.ts', "export * from '../ipc/dispatch';")).toHaveLength(1);
  });

  it('covers every source file of electron/, renderer/ and shared/', async () => {
    const files = (await Promise.all(LAYERED_FOLDERS.map(sourceFiles))).flat();
    expect(files.length).toBeGreaterThan(100);
    const uncovered: string[] = [];
    for (const file of files) {
      const config = (await eslint.calculateConfigForFile(join(repoRoot, file))) as
        { rules?: Record<string, unknown> } | undefined;
      if (!config?.rules?.['no-restricted-imports']) uncovered.push(file);
    }
    expect(uncovered).toEqual([]);
  });
});
