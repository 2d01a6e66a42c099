import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT_MAIN = path.resolve(import.meta.dirname, '../../../out/main');
const built = existsSync(path.join(OUT_MAIN, 'index.js'));

/** npm test builds before the unit tests; run alone, this needs `npm run build` first. */
describe.skipIf(!built)('the built main process (out/main)', () => {
  it('loads keytar with require("keytar"), never import("keytar")', () => {
    const code = readdirSync(OUT_MAIN, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(path.join(OUT_MAIN, file), 'utf8'))
      .join('\n');
    expect(code).toContain('require("keytar")');
    expect(code).not.toMatch(/import\(\s*["']keytar["']\s*\)/);
  });
});
