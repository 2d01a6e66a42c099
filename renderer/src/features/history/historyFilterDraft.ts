import { HISTORY_OUTCOMES, type HistoryFilter, type HistoryOutcome } from '../../../../shared/history';
import { LOCK_OPERATIONS, type LockOperation, RESULT_KINDS, type ResultKind } from '../../../../shared/result';
import type { TimeZoneChoice } from '../../lib/dateTime';
import { historyDateForMain } from './historyDateZone';

/** The filter fields as typed. */
export interface HistoryFilterDraft {
  lockId: string;
  userId: string;
  batchId: string;
  profile: string;
  /** An outcome (success, failed, pending) or a result kind (auth, not-found, …); '' for any. */
  outcome: string;
  /** release, renew or create; '' for any. */
  operation: string;
  from: string;
  to: string;
}

export const EMPTY_HISTORY_FILTER: HistoryFilterDraft = {
  lockId: '',
  userId: '',
  batchId: '',
  profile: '',
  outcome: '',
  operation: '',
  from: '',
  to: '',
};

function isOutcome(value: string): value is HistoryOutcome {
  return (HISTORY_OUTCOMES as readonly string[]).includes(value);
}

function isResultKind(value: string): value is ResultKind {
  return (RESULT_KINDS as readonly string[]).includes(value);
}

function isOperation(value: string): value is LockOperation {
  return (LOCK_OPERATIONS as readonly string[]).includes(value);
}

/** What queryHistory gets: trimmed, without the empty fields, dates in the zone the window shows. */
export function historyFilterOf(draft: HistoryFilterDraft, zone: TimeZoneChoice = 'utc'): HistoryFilter {
  const filter: HistoryFilter = {};
  const lockId = draft.lockId.trim();
  const userId = draft.userId.trim();
  const batchId = draft.batchId.trim();
  const profile = draft.profile.trim();
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (lockId) filter.lockId = lockId;
  if (userId) filter.userId = userId;
  if (batchId) filter.batchId = batchId;
  if (profile) filter.profile = profile;
  if (isOutcome(draft.outcome)) filter.outcome = draft.outcome;
  else if (isResultKind(draft.outcome)) filter.kind = draft.outcome;
  if (isOperation(draft.operation)) filter.operation = draft.operation;
  if (from) filter.from = historyDateForMain(from, 'from', zone);
  if (to) filter.to = historyDateForMain(to, 'to', zone);
  return filter;
}

export function isEmptyHistoryFilter(draft: HistoryFilterDraft): boolean {
  return Object.keys(historyFilterOf(draft)).length === 0;
}
