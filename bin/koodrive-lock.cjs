#!/usr/bin/env node
'use strict';
// Entry point for `npx koodrive-lock`: runs the CLI built by `npm run build` (out/main/cli.js).
const path = require('node:path');
const fs = require('node:fs');
const built = path.join(__dirname, '..', 'out', 'main', 'cli.js');
if (!fs.existsSync(built)) {
  process.stderr.write(
    'koodrive-lock is not built yet. Run `npm run build` in ' + path.dirname(__dirname) + ' first.\n',
  );
  process.exit(2);
}
// V8's compile cache (Node 22.1+): later starts skip compiling the CLI's code. It lives in the OS temp
// folder; on a shared /tmp only in a folder of this user's that nobody else can write to (a planted
// cache would be code run by this CLI). Any problem only means no cache: the CLI runs the same.
function compileCacheDir() {
  const os = require('node:os');
  const uid = typeof process.getuid === 'function' ? process.getuid() : null;
  const dir = path.join(
    os.tmpdir(),
    uid === null ? 'koodrive-lock-compile-cache' : `koodrive-lock-compile-cache-${uid}`,
  );
  // Looked at first: on every start but the first the folder exists, and a failed mkdir costs an Error.
  let stat = fs.lstatSync(dir, { throwIfNoEntry: false });
  if (stat === undefined) {
    try {
      fs.mkdirSync(dir, { mode: 0o700 });
    } catch (error) {
      if (error.code !== 'EEXIST') return null;
    }
    stat = fs.lstatSync(dir);
  }
  if (uid === null) return dir;
  return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0 ? dir : null;
}
const nodeModule = require('node:module');
if (typeof nodeModule.enableCompileCache === 'function') {
  try {
    const dir = compileCacheDir();
    if (dir !== null) nodeModule.enableCompileCache(dir);
  } catch {
    // Unreadable temp folder or the like: no cache.
  }
}
require(built);
