import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const builder = JSON.parse(readFileSync(path.join(root, 'electron-builder.json'), 'utf8'));

/**
 * The unpacked app electron-builder left in dist/ for this platform: the executable to start and
 * the file holding Electron's fuse wire (the framework binary on macOS).
 * @returns {{ executable: string, fuseTarget: string }}
 */
export function findPackagedApp(platform = process.platform, dist = path.join(root, builder.directories.output)) {
  const folders = existsSync(dist) ? readdirSync(dist) : [];
  const pick = (prefix) =>
    folders.filter((name) => name === prefix || name.startsWith(`${prefix}-`)).map((name) => path.join(dist, name));
  let candidates;
  if (platform === 'darwin') {
    candidates = pick('mac').map((dir) => {
      const app = path.join(dir, `${builder.productName}.app`);
      return { executable: path.join(app, 'Contents', 'MacOS', builder.productName), fuseTarget: app };
    });
  } else if (platform === 'win32') {
    candidates = pick('win').map((dir) => {
      const exe = path.join(dir, `${builder.productName}.exe`);
      return { executable: exe, fuseTarget: exe };
    });
  } else {
    candidates = pick('linux').map((dir) => {
      const exe = path.join(dir, builder.linux.executableName);
      return { executable: exe, fuseTarget: exe };
    });
  }
  const found = candidates.find((candidate) => existsSync(candidate.executable));
  if (!found) {
    throw new Error(
      `No packaged app for ${platform} in ${dist} (looked in: ${candidates.map((c) => c.executable).join(', ') || 'no matching folder'}). Run \`npm run dist\` first.`,
    );
  }
  return found;
}

export { builder };
