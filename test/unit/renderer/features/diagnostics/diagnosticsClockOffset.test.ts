import { describe, expect, it } from 'vitest';
import {
  clockOffsetFor,
  offsetSeconds,
  setClockOffset,
} from '../../../../../renderer/src/features/diagnostics/diagnosticsClockOffset';

describe('the per-profile clock offsets', () => {
  it('keeps one whole-millisecond offset per profile until it is switched off', () => {
    setClockOffset('tenant-a', 91_700.6);
    setClockOffset('tenant-b', -3_000);
    expect(clockOffsetFor('tenant-a')).toBe(91_700);
    expect(clockOffsetFor('tenant-b')).toBe(-3_000);
    setClockOffset('tenant-a', null);
    expect(clockOffsetFor('tenant-a')).toBeUndefined();
    expect(clockOffsetFor('tenant-b')).toBe(-3_000);
  });

  it('shows seconds with a sign', () => {
    expect(offsetSeconds(91_700)).toBe('+91.7');
    expect(offsetSeconds(-3_000)).toBe('−3.0');
  });
});
