// The sandbox checks the client, so it must not share the client's code: it may import only its own
// files, shared/ and packages (docs/sandbox.md, "Independent of the client").
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const SANDBOX = join(ROOT, 'electron/sandbox');
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'|import\('([^']+)'\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((match) => match[1] ?? match[2]);
}

/** Where a relative import leads, relative to the repository; null for packages and node: modules. */
function target(file: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(dirname(file), specifier));
}

function allowed(to: string | null): boolean {
  return to === null || to.startsWith('electron/sandbox/') || to.startsWith('shared/');
}

describe('electron/sandbox is independent of the client', () => {
  const files = readdirSync(SANDBOX, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => join(SANDBOX, name));

  it('finds the sandbox files and their imports', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(importsOf(join(SANDBOX, 'verifyRequest.ts'))).toContain('./appSignature');
  });

  it('imports only its own files, shared/, node: modules and packages (nothing from electron/core)', () => {
    const outside = files.flatMap((file) =>
      importsOf(file)
        .map((specifier) => target(file, specifier))
        .filter((to) => !allowed(to))
        .map((to) => `${relative(ROOT, file)} -> ${to}`),
    );
    expect(outside).toEqual([]);
  });

  it('would notice an import from electron/core', () => {
    expect(allowed(target(join(SANDBOX, 'x.ts'), '../core/koodrive/sign'))).toBe(false);
    expect(allowed(target(join(SANDBOX, 'x.ts'), '../../shared/identifiers'))).toBe(true);
    expect(allowed(target(join(SANDBOX, 'x.ts'), 'selfsigned'))).toBe(true);
    expect(allowed(target(join(SANDBOX, 'x.ts'), '../ipc/sandboxController'))).toBe(false);
  });
});
