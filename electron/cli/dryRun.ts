/**
 * --dry-run for release, renew and create: every request is checked and signed as it would be sent, then
 * printed through the window's request preview (docs/cli.md#dry-run). Nothing is sent, nothing is audited.
 */
import type { RequestPreview } from '../../shared/diagnostics';
import type { LockOperation } from '../../shared/result';
import { previewLockRequest } from '../core/diagnostics/requestPreview';
import { RequestBuildError } from '../core/koodrive/requestBuilder';
import { checkLockRequest } from '../core/lockInput';
import { CliError } from './cliError';
import type { CommandContext } from './command';
import { writeJsonLine } from './command';
import type { Connection } from './connection';
import { EXIT, type ExitCode } from './exitCodes';

/** What a dry run needs of a lock plan (lockOperation.ts's LockPlan has these fields). */
export interface DryRunPlan {
  operation: LockOperation;
  rows: readonly { userId?: string; lockId: string }[];
  userId?: string;
  moduleCode?: string;
}

export interface DryRunRequest {
  userId: string;
  lockId: string | null;
  preview: RequestPreview;
}

/** Checks and signs every request of the plan; the first problem ends the run before anything is printed. */
export function dryRunRequests(connection: Connection, secret: string, plan: DryRunPlan, now: Date): DryRunRequest[] {
  const { profile } = connection;
  const requests =
    plan.operation === 'create'
      ? [{ userId: plan.userId, lockId: undefined, moduleCode: plan.moduleCode }]
      : plan.rows.map((row) => ({ userId: row.userId, lockId: row.lockId, moduleCode: undefined }));
  return requests.map((request) => {
    const checked = checkLockRequest({ operation: plan.operation, profile, ...request });
    if (!checked.ok) throw new CliError(`${checked.problem} Nothing was sent.`, EXIT.usage);
    try {
      const preview = previewLockRequest({
        profile,
        userId: checked.userId,
        operation: plan.operation,
        lockId: checked.lockId ?? undefined,
        moduleCode: checked.moduleCode ?? undefined,
        secret,
        now,
      });
      return { userId: checked.userId, lockId: checked.lockId, preview };
    } catch (error) {
      // The builder's messages name the profile field to fix and never contain the secret.
      if (error instanceof RequestBuildError) throw new CliError(`${error.message} Nothing was sent.`, EXIT.usage);
      throw error;
    }
  });
}

function requestText(request: DryRunRequest): string {
  const { preview } = request;
  const lines = [`${preview.method} ${preview.url}`];
  for (const [name, value] of Object.entries(preview.headers)) lines.push(`${name}: ${value}`);
  if (preview.body !== null) lines.push('', preview.body);
  if (preview.canonicalRequest !== null && preview.stringToSign !== null) {
    lines.push('', 'Canonical request:', preview.canonicalRequest, '', 'String to sign:', preview.stringToSign);
  }
  return `${lines.join('\n')}\n`;
}

/** Prints the requests (human: one block each; --json: one object per line) and a note on stderr. */
export function printDryRun(
  context: CommandContext,
  connection: Connection,
  secret: string,
  plan: DryRunPlan,
): ExitCode {
  const { io, values, deps } = context;
  const requests = dryRunRequests(connection, secret, plan, deps.clock.now());
  requests.forEach((request, index) => {
    if (values.json) {
      const { preview } = request;
      writeJsonLine(io, {
        dryRun: true,
        operation: plan.operation,
        userId: request.userId,
        lockId: request.lockId,
        method: preview.method,
        url: preview.url,
        headers: preview.headers,
        body: preview.body,
        canonicalRequest: preview.canonicalRequest,
        stringToSign: preview.stringToSign,
      });
    } else {
      io.stdout.write(`${index > 0 ? '\n' : ''}${requestText(request)}`);
    }
  });
  const count = requests.length === 1 ? 'request' : `${requests.length} requests`;
  io.stderr.write(
    `koodrive-lock: dry run: the ${count} above ${requests.length === 1 ? 'was' : 'were'} signed but not sent; no audit entry was written.\n`,
  );
  return EXIT.ok;
}
