import { HISTORY_OUTCOMES, type HistoryFilter, type HistoryOutcome } from '../../../shared/history';

/** The filter fields as typed. */
export interface HistoryFilterDraft {
  lockId: string;
  profile: string;
  outcome: string;
  from: string;
  to: string;
}

export const EMPTY_HISTORY_FILTER: HistoryFilterDraft = { lockId: '', profile: '', outcome: '', from: '', to: '' };

function isOutcome(value: string): value is HistoryOutcome {
  return (HISTORY_OUTCOMES as readonly string[]).includes(value);
}

/** What queryHistory gets: trimmed, without the empty fields. */
export function historyFilterOf(draft: HistoryFilterDraft): HistoryFilter {
  const filter: HistoryFilter = {};
  const lockId = draft.lockId.trim();
  const profile = draft.profile.trim();
  const from = draft.from.trim();
  const to = draft.to.trim();
  if (lockId) filter.lockId = lockId;
  if (profile) filter.profile = profile;
  if (isOutcome(draft.outcome)) filter.outcome = draft.outcome;
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
}

export function isEmptyHistoryFilter(draft: HistoryFilterDraft): boolean {
  return Object.keys(historyFilterOf(draft)).length === 0;
}
