import { tCount } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import type { BatchRunRequest } from './batchRun';

/** The one line the batch's input folds into once it runs: how many locks, for whom, through which profile. */
export function batchRunSummaryText(request: BatchRunRequest, profileDefaultUserId?: string): string {
  const count = request.rows.length;
  const users = new Set(request.rows.map((row) => row.userId ?? request.userId ?? profileDefaultUserId ?? ''));
  const [onlyUser] = [...users];
  const params = {
    count: formatCount(count),
    profile: request.profileName,
    concurrency: formatCount(request.concurrency),
  };
  if (users.size === 1 && onlyUser) return tCount('batch.inputSummary.oneUser', count, { ...params, user: onlyUser });
  return tCount('batch.inputSummary.users', count, { ...params, users: formatCount(users.size) });
}
