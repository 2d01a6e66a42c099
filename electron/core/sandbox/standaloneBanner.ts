import { X_DATE_WINDOW_MS } from '../koodrive/xdate';
import type { RunningSandbox } from './types';

/**
 * What `npm run sandbox` prints. Printing the credentials is intended: they are throwaway values of
 * this practice server, valid nowhere else.
 */
export function standaloneBanner(sandbox: RunningSandbox, caFile: string | null): string {
  const { url, credentials: c } = sandbox;
  const example = sandbox.seededLockIds[0] ?? '<lockId>';
  const caEnv = caFile ? `NODE_EXTRA_CA_CERTS=${shellQuote(caFile)} ` : '';
  const lines = [
    `KooDrive sandbox (a local practice server, not KooDrive) listening on ${url}`,
    `Requests are checked like the real service: Authorization, X-User-Id and an X-Date at most ${X_DATE_WINDOW_MS / 60_000} minutes old.`,
    '',
    'Throwaway credentials for this run (valid only on this sandbox):',
    `  User ID       ${c.userId}`,
    '  Token mode    (Authorization: Bearer <token>)',
    `    Token       ${c.token}`,
    '  App mode      (Authorization: HMAC-SHA256 AppId=...,SignedHeaders=...,Signature=...)',
    `    AppId       ${c.appId}`,
    `    AppSecret   ${c.appSecret}`,
    '',
    sandbox.seededLockIds.length > 0
      ? 'Stuck locks to practise on (they expire 10 minutes after they were created, like real ones):'
      : 'No stuck locks were seeded.',
    ...sandbox.seededLockIds.map((lockId) => `  ${lockId}`),
    'Make another one:',
    `  curl -s -X POST -H 'Content-Type: application/json' -d '{"moduleCode":"102"}' ${curlCa(caFile)}${url}/_sandbox/locks`,
    '',
    'Release a lock with the CLI (token mode, then app mode):',
    `  ${caEnv}KOODRIVE_TOKEN=${shellQuote(c.token)} npx koodrive-lock release --base-url ${url} --user-id ${c.userId} --auth bearer ${example}`,
    `  ${caEnv}KOODRIVE_APP_SECRET=${shellQuote(c.appSecret)} npx koodrive-lock release --base-url ${url} --user-id ${c.userId} --auth app --app-id ${shellQuote(c.appId)} ${example}`,
    '',
    `In the app: add a profile with base URL ${url}, user ID ${c.userId}, and either the token or the AppId and AppSecret above.`,
    ...(caFile
      ? [
          `HTTPS: the sandbox's certificate is in ${caFile}; trust it (for Node-based clients: NODE_EXTRA_CA_CERTS=${shellQuote(caFile)}).`,
        ]
      : []),
    '',
    'Practise failures (see docs/sandbox.md):',
    `  curl -s -X POST -H 'Content-Type: application/json' -d '{"kind":"status","status":429,"times":1}' ${curlCa(caFile)}${url}/_sandbox/fault`,
    `  curl -s ${curlCa(caFile)}${url}/_sandbox/locks`,
    '',
    'Press Ctrl+C to stop.',
    '',
  ];
  return lines.join('\n');
}

function curlCa(caFile: string | null): string {
  return caFile ? `--cacert ${shellQuote(caFile)} ` : '';
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
