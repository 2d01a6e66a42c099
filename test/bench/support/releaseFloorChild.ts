/**
 * The floor of one `koodrive-lock release` (docs/benchmarks.md § 7): the least a sound release does in a fresh
 * Node process, with none of the product's code: node:crypto (one HMAC-SHA256, the cost of signing), an audit
 * line written and fsynced before the request leaves, one DELETE over node:http with headers signed beforehand,
 * a result line written and fsynced, one line on stdout. Exit 0 when the answer was 200.
 * Usage: node releaseFloorChild.js <request.json: baseUrl, path, headers> <audit file>
 */
import { createHmac, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import http from 'node:http';

interface FloorRequest {
  baseUrl: string;
  path: string;
  headers: Record<string, string>;
}

const [requestFile, auditFile] = process.argv.slice(2);
const request = JSON.parse(readFileSync(requestFile, 'utf8')) as FloorRequest;
const signature = createHmac('sha256', randomUUID()).update(JSON.stringify(request.headers)).digest('hex');
const audit = openSync(auditFile, 'a', 0o600);
const appendLine = (entry: object) => {
  writeSync(audit, `${JSON.stringify(entry)}\n`);
  fsyncSync(audit);
};
appendLine({ phase: 'pending', path: request.path, signature });
const url = new URL(request.baseUrl);
const req = http.request(
  { hostname: url.hostname, port: url.port, method: 'DELETE', path: request.path, headers: request.headers },
  (res) => {
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (body += chunk));
    res.on('end', () => {
      appendLine({ phase: 'result', status: res.statusCode, bytes: body.length });
      closeSync(audit);
      process.stdout.write(`released (HTTP ${res.statusCode})\n`);
      process.exitCode = res.statusCode === 200 ? 0 : 1;
    });
  },
);
req.on('error', (error) => {
  process.stderr.write(`release floor: ${error.message}\n`);
  process.exitCode = 1;
});
req.end();
