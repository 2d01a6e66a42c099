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
require(built);
