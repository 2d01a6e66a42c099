import { describe, expect, it } from 'vitest';
import { AppError } from '../../../electron/ipc/appError';
import { createInflightRequests } from '../../../electron/ipc/inflightRequests';

describe('inflight requests', () => {
  it('aborts the signal registered under a tag, once', () => {
    const inflight = createInflightRequests();
    const ticket = inflight.register('req-1');
    expect(ticket.signal.aborted).toBe(false);
    expect(inflight.cancel('req-1')).toBe(true);
    expect(ticket.signal.aborted).toBe(true);
    expect(inflight.cancel('req-1')).toBe(false);
  });

  it('does not cancel a finished request or an unknown tag', () => {
    const inflight = createInflightRequests();
    const ticket = inflight.register('req-1');
    ticket.done();
    expect(inflight.cancel('req-1')).toBe(false);
    expect(ticket.signal.aborted).toBe(false);
    expect(inflight.cancel('never-registered')).toBe(false);
    expect(inflight.size()).toBe(0);
  });

  it('refuses a tag that is still in use', () => {
    const inflight = createInflightRequests();
    inflight.register('dup');
    expect(() => inflight.register('dup')).toThrow(AppError);
  });

  it('is bounded, and frees room when requests finish', () => {
    const inflight = createInflightRequests(3);
    const tickets = [inflight.register('a'), inflight.register(undefined), inflight.register('c')];
    expect(() => inflight.register('d')).toThrow(/Too many requests/);
    tickets[1].done();
    expect(() => inflight.register('d')).not.toThrow();
  });

  it('abortAll aborts tagged and untagged requests', () => {
    const inflight = createInflightRequests();
    const tagged = inflight.register('a');
    const untagged = inflight.register(undefined);
    inflight.abortAll();
    expect(tagged.signal.aborted).toBe(true);
    expect(untagged.signal.aborted).toBe(true);
    expect(inflight.size()).toBe(0);
  });

  it('an old ticket finishing does not unregister a newer request with the same tag', () => {
    const inflight = createInflightRequests();
    const first = inflight.register('t');
    inflight.cancel('t');
    const second = inflight.register('t');
    first.done();
    expect(inflight.cancel('t')).toBe(true);
    expect(second.signal.aborted).toBe(true);
  });
});
