import { describe, expect, it } from 'vitest';
import {
  EMPTY_HISTORY_FILTER,
  historyFilterOf,
  isEmptyHistoryFilter,
} from '../../../../../renderer/src/features/history/historyFilterDraft';

describe('History filter query', () => {
  it('sends an outcome as outcome and a reason of failure as kind', () => {
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, outcome: 'failed' })).toEqual({ outcome: 'failed' });
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, outcome: 'success' })).toEqual({ outcome: 'success' });
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, outcome: 'pending' })).toEqual({ outcome: 'pending' });
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, outcome: 'auth' })).toEqual({ kind: 'auth' });
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, outcome: 'proxy-auth' })).toEqual({ kind: 'proxy-auth' });
  });

  it('sends an operation, and leaves out what it does not know', () => {
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, operation: 'renew', outcome: 'not-found' })).toEqual({
      operation: 'renew',
      kind: 'not-found',
    });
    expect(historyFilterOf({ ...EMPTY_HISTORY_FILTER, operation: 'delete', outcome: 'gone' })).toEqual({});
    expect(isEmptyHistoryFilter({ ...EMPTY_HISTORY_FILTER, operation: 'create' })).toBe(false);
    expect(isEmptyHistoryFilter(EMPTY_HISTORY_FILTER)).toBe(true);
  });
});
