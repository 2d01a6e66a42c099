/** A HistoryFilter checked once and turned into what the single pass over the index compares. */
import type { HistoryFilter, HistoryOutcome } from '../../../shared/history';
import type { LockOperation, ResultKind } from '../../../shared/result';
import { parseHistoryDate } from './historyDates';
import type { HistoryData } from './historyRows';

/** A filter value the user has to correct; its message says how. */
export class HistoryFilterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryFilterError';
  }
}

export interface ProfileName {
  id: string;
  name: string;
}

export interface CompiledHistoryFilter {
  /** Lower-cased substring, or null for any lock. */
  lockId: string | null;
  /** Lower-cased profile ids accepted, or null for any profile. */
  profiles: ReadonlySet<string> | null;
  outcome: HistoryOutcome | null;
  /** The row's recorded result kind, or null for any. */
  kind: ResultKind | null;
  operation: LockOperation | null;
  /** Exact end-user ID, or null for any user. */
  userId: string | null;
  /** Exact batch ID, or null for any. */
  batchId: string | null;
  fromMs: number;
  toMs: number;
  /** Equal keys select the same rows of the same data. */
  key: string;
}

function nonEmpty(value: string | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The profile filter names a profile by id or by name (exact, any case). Audit entries record the id,
 * so a name is turned into the ids of the profiles that have it; the text itself also matches as an
 * id, which keeps the history of a deleted profile reachable.
 */
export function compileHistoryFilter(
  filter: HistoryFilter,
  profiles: readonly ProfileName[] = [],
): CompiledHistoryFilter {
  const lockId = nonEmpty(filter.lockId)?.toLowerCase() ?? null;
  const profileText = nonEmpty(filter.profile)?.toLowerCase() ?? null;
  let profileIds: Set<string> | null = null;
  if (profileText !== null) {
    profileIds = new Set([profileText]);
    for (const profile of profiles) {
      if (profile.name.trim().toLowerCase() === profileText) profileIds.add(profile.id.toLowerCase());
    }
  }
  let fromMs = Number.NEGATIVE_INFINITY;
  let toMs = Number.POSITIVE_INFINITY;
  const fromText = nonEmpty(filter.from);
  if (fromText !== null) {
    const from = parseHistoryDate(fromText, 'from');
    if (!from.ok) throw new HistoryFilterError(from.problem);
    fromMs = from.ms;
  }
  const toText = nonEmpty(filter.to);
  if (toText !== null) {
    const to = parseHistoryDate(toText, 'to');
    if (!to.ok) throw new HistoryFilterError(to.problem);
    toMs = to.ms;
  }
  if (fromMs > toMs) {
    throw new HistoryFilterError(`“From” (${fromText}) is after “To” (${toText}). Swap them or widen the range.`);
  }
  const outcome = filter.outcome ?? null;
  const userId = nonEmpty(filter.userId);
  const batchId = nonEmpty(filter.batchId);
  const kind = filter.kind ?? null;
  const operation = filter.operation ?? null;
  const ids = profileIds ? [...profileIds].sort() : null;
  const key = JSON.stringify([lockId, ids, outcome, kind, operation, userId, batchId, fromMs, toMs]);
  return { lockId, profiles: profileIds, outcome, kind, operation, userId, batchId, fromMs, toMs, key };
}

/** Indices of the rows that match (see HistoryData.row), newest first. */
export function matchingRows(data: HistoryData, filter: CompiledHistoryFilter): Int32Array {
  const { lockId, profiles, kind, operation, userId, batchId, fromMs, toMs } = filter;
  const wanted = filter.outcome;
  const dated = fromMs !== Number.NEGATIVE_INFINITY || toMs !== Number.POSITIVE_INFINITY;
  const { outcome } = data;
  // Only the columns this filter compares (each is made on first use).
  const lockIdLower = lockId === null ? [] : data.lockIdLower();
  const profileLower = profiles === null ? [] : data.profileLower();
  const timeMs = dated ? data.timeMs() : new Float64Array(0);
  const userIds = userId === null ? [] : data.userIds();
  const batchIds = batchId === null ? [] : data.batchIds();
  const kinds = kind === null ? [] : data.kinds();
  const operations = operation === null ? [] : data.operations();
  const out = new Int32Array(data.count);
  let found = 0;
  for (let index = data.count - 1; index >= 0; index -= 1) {
    if (wanted !== null && outcome[index] !== wanted) continue;
    if (kind !== null && kinds[index] !== kind) continue;
    if (operation !== null && operations[index] !== operation) continue;
    if (lockId !== null && !lockIdLower[index].includes(lockId)) continue;
    if (profiles !== null && !profiles.has(profileLower[index])) continue;
    if (userId !== null && userIds[index] !== userId) continue;
    if (batchId !== null && batchIds[index] !== batchId) continue;
    if (dated) {
      const time = timeMs[index];
      // NaN (an unreadable time) fails both comparisons, so it never matches a date range.
      if (!(time >= fromMs && time <= toMs)) continue;
    }
    out[found] = index;
    found += 1;
  }
  return out.subarray(0, found);
}
