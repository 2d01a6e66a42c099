import { describe, expect, it } from 'vitest';
import { REQUEST_LOG_LIMIT, RequestLog } from '../../../electron/sandbox/requestLog';

const entry = (n: number) => ({ method: 'DELETE', path: '/p', lockId: `l${n}`, at: 't', outcome: 'released' });

describe('RequestLog', () => {
  it('keeps the last entries in arrival order', () => {
    const log = new RequestLog(3);
    for (let n = 1; n <= 7; n += 1) log.add(entry(n));
    expect(log.list().map((e) => e.lockId)).toEqual(['l5', 'l6', 'l7']);
  });

  it('keeps 100,000 by default', () => {
    expect(REQUEST_LOG_LIMIT).toBe(100_000);
    const log = new RequestLog();
    for (let n = 0; n < REQUEST_LOG_LIMIT + 5; n += 1) log.add(entry(n));
    const list = log.list();
    expect(list).toHaveLength(REQUEST_LOG_LIMIT);
    expect(list[0].lockId).toBe('l5');
  });

  it('hands out copies', () => {
    const log = new RequestLog();
    log.add(entry(1));
    log.list()[0].outcome = 'changed';
    expect(log.list()[0].outcome).toBe('released');
  });

  it('lists only the newest entries when asked, oldest first, before and after wrapping', () => {
    const log = new RequestLog(5);
    expect(log.list(3)).toEqual([]);
    for (let n = 1; n <= 4; n += 1) log.add(entry(n));
    expect(log.list(2).map((e) => e.lockId)).toEqual(['l3', 'l4']);
    expect(log.list(10).map((e) => e.lockId)).toEqual(['l1', 'l2', 'l3', 'l4']);
    for (let n = 5; n <= 8; n += 1) log.add(entry(n));
    expect(log.list().map((e) => e.lockId)).toEqual(['l4', 'l5', 'l6', 'l7', 'l8']);
    expect(log.list(3).map((e) => e.lockId)).toEqual(['l6', 'l7', 'l8']);
    expect(log.list(0)).toEqual([]);
  });

  it('keeps the fault only on entries that have one', () => {
    const log = new RequestLog();
    log.add(entry(1));
    log.add({ ...entry(2), fault: 'delay' });
    const [plain, faulted] = log.list();
    expect(Object.keys(plain)).toEqual(['method', 'path', 'lockId', 'at', 'outcome']);
    expect(faulted.fault).toBe('delay');
  });
});
