import { HISTORY_OUTCOMES, type HistoryFilter, type HistoryOutcome } from '../../../../shared/history';
import type { TimeZoneChoice } from '../../lib/dateTime';
import { historyDateForMain } from './historyDateZone';

/** The filter fields as typed. */
export interface HistoryFilterDraft {
  lockId: string;
  userId: string;
  batchId: string;
  profile: string;
  outcome: string;
  from: string;
  to: string;
}

export const EMPTY_HISTORY_FILTER: HistoryFilterDraft = {
  lockId: '',
  userId: '',
  batchId: '',
  profile: '',
  outcome: '',
  from: '',
  to: '',
};

function isOutcome(value: string): value is HistoryOutcome {
  return (HISTORY_OUTCOMES as readonly string[]).includes(value);
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
  if (from) filter.from = historyDateForMain(from, 'from', zone);
  if (to) filter.to = historyDateForMain(to, 'to', zone);
  return filter;
}

export function isEmptyHistoryFilter(draft: HistoryFilterDraft): boolean {
  return Object.keys(historyFilterOf(draft)).length === 0;
}
