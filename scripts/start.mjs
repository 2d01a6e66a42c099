#!/usr/bin/env node
// `npm start`: builds and opens the desktop app with electron-vite preview, after checking that
// the Electron binary is there. Without it electron-vite fails with a bare stack trace.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { INSTALL_HINT, findElectron } from './electronBinary.mjs';

const root = path.resolve(import.meta.dirname, '..');
const electron = findElectron(root);
if (!electron.ok) {
  process.stderr.write(
    [
      `Cannot start the desktop app: ${electron.reason}.`,
      `To open the window, ${INSTALL_HINT}, then run \`npm start\` again.`,
      'Without Electron you can still use:',
      '  npm run cli -- --help   the command-line tool (docs/cli.md)',
      '  npm run sandbox         the local KooDrive sandbox (docs/sandbox.md)',
      '  npm test                the test suite (the renderer runs in Chromium there)',
      '',
    ].join('\n'),
  );
  process.exit(1);
}
const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const result = spawnSync(process.execPath, [cli, 'preview', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
