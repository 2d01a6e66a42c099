import { X_DATE_WINDOW_MS } from './xDate';
import { RECORD_PATH } from './endpoints';
import { STUCK_BACKUP_AGE_MS } from './stuckBackup';
import type { RunningSandbox } from './types';

/** At most this many stuck locks are listed per user, and at most this many users. */
const LISTED_LOCKS = 5;
const LISTED_USERS = 4;

/**
 * What `npm run sandbox` prints. Printing the credentials is intended: they are throwaway values of
 * this practice server, valid nowhere else.
 */
export function standaloneBanner(sandbox: RunningSandbox, caFile: string | null): string {
  const { url, credentials: c } = sandbox;
  const examples = exampleLocks(sandbox);
  const caEnv = caFile ? `NODE_EXTRA_CA_CERTS=${shellQuote(caFile)} ` : '';
  const lines = [
    `KooDrive sandbox (a local practice server, not KooDrive) listening on ${url}`,
    `Requests are checked like the real service: Authorization, X-User-Id and an X-Date at most ${X_DATE_WINDOW_MS / 60_000} minutes old.`,
    '',
    'Throwaway credentials for this run (valid only on this sandbox):',
    `  User ID       ${c.userId}   (the token's user)`,
    "  Token mode    (Authorization: Bearer <token>; X-User-Id must be the token's user)",
    `    Token       ${c.token}`,
    '  App mode      (Authorization: HMAC-SHA256 AppId=...,SignedHeaders=...,Signature=...; X-User-Id: whichever user you act for)',
    `    AppId       ${c.appId}`,
    `    AppSecret   ${c.appSecret}`,
    '',
    ...stuckLockLines(sandbox),
    "Make another one (userId optional, default the token's user):",
    `  curl -s -X POST -H 'Content-Type: application/json' -d '{"moduleCode":"102","userId":"${c.userId}"}' ${curlCa(caFile)}${url}/_sandbox/locks`,
    '',
    ...stuckBackupLines(sandbox, caFile),
    'Release a lock with the CLI (koodrive-lock on your PATH after `npm link` in the repository; or, there,',
    '`npm run -s cli -- release ...`). A lock is found only for its own user (token mode, then app mode):',
    `  ${caEnv}KOODRIVE_TOKEN=${shellQuote(c.token)} koodrive-lock release --base-url ${url} --user-id ${examples.bearer.userId} --auth bearer ${examples.bearer.lockId}`,
    `  ${caEnv}KOODRIVE_APP_SECRET=${shellQuote(c.appSecret)} koodrive-lock release --base-url ${url} --user-id ${examples.app.userId} --auth app --app-id ${shellQuote(c.appId)} ${examples.app.lockId}`,
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

/**
 * A lock for each CLI example that works with that example's user: a lock of the token's user for
 * token mode, and a lock of another user (else another lock of the token's user) for app mode.
 */
function exampleLocks(sandbox: RunningSandbox): Record<'bearer' | 'app', { userId: string; lockId: string }> {
  const own = sandbox.credentials.userId;
  const placeholder = { userId: own, lockId: '<lockId>' };
  const bearer = sandbox.seededLocks.find((lock) => lock.userId === own) ?? placeholder;
  const app =
    sandbox.seededLocks.find((lock) => lock.userId !== own) ??
    sandbox.seededLocks.find((lock) => lock.userId === own && lock.lockId !== bearer.lockId) ??
    placeholder;
  return { bearer, app };
}

function stuckLockLines(sandbox: RunningSandbox): string[] {
  const byUser = new Map<string, string[]>();
  for (const { userId, lockId } of sandbox.seededLocks) {
    const ids = byUser.get(userId);
    if (ids) ids.push(lockId);
    else byUser.set(userId, [lockId]);
  }
  if (byUser.size === 0) return ['No stuck locks were seeded.'];
  const lines = [
    `Stuck locks to practise on: ${sandbox.seededLocks.length} of ${byUser.size} users (they expire 10 minutes after they were created, like real ones):`,
  ];
  let truncated = byUser.size > LISTED_USERS;
  for (const [userId, ids] of [...byUser].slice(0, LISTED_USERS)) {
    const whose = userId === sandbox.credentials.userId ? " (the token's user)" : '';
    lines.push(`  User ${userId}${whose}:`, ...ids.slice(0, LISTED_LOCKS).map((lockId) => `    ${lockId}`));
    if (ids.length > LISTED_LOCKS) {
      lines.push(`    ... and ${ids.length - LISTED_LOCKS} more`);
      truncated = true;
    }
  }
  if (byUser.size > LISTED_USERS) lines.push(`  ... and ${byUser.size - LISTED_USERS} more users`);
  if (truncated) lines.push('  (all of them, with their users: GET /_sandbox/locks)');
  return lines;
}

function stuckBackupLines(sandbox: RunningSandbox, caFile: string | null): string[] {
  const stuck = sandbox.stuckBackup;
  if (!stuck) return [];
  const { url, credentials: c } = sandbox;
  const whose = stuck.userId === c.userId ? " (the token's user)" : '';
  const list = `${url}${RECORD_PATH}?moduleCode=${stuck.moduleCode}&pageSize=5`;
  return [
    'Stuck backup to practise on ("why does this user\'s backup fail?"):',
    `  User ${stuck.userId}${whose}, module ${stuck.moduleCode}: backup record ${stuck.recordId} in progress since`,
    `  ${stuck.createTime} (${STUCK_BACKUP_AGE_MS / 3_600_000} hours before start), no completed backup since, and lock ${stuck.lockId} still held.`,
    '  Its records, newest first (token mode):',
    `  curl -s ${curlCa(caFile)}-H ${shellQuote(`Authorization: Bearer ${c.token}`)} -H 'X-User-Id: ${stuck.userId}' -H "X-Date: $(date -u +%Y%m%dT%H%M%SZ)" '${list}'`,
    'Make another one (userId and moduleCode optional):',
    `  curl -s -X POST -H 'Content-Type: application/json' -d '{"moduleCode":"101"}' ${curlCa(caFile)}${url}/_sandbox/stuck-backup`,
    '',
  ];
}

function curlCa(caFile: string | null): string {
  return caFile ? `--cacert ${shellQuote(caFile)} ` : '';
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
