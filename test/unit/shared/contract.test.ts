import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  CHANNEL_PREFIX,
  type ArgOf,
  type Handlers,
  type LockAdminApi,
  METHOD_NAMES,
  type MethodName,
  type ResultOf,
  contract,
} from '../../../shared/contract';
import type { BatchStatus } from '../../../shared/batch';
import type { IpcResult } from '../../../shared/ipcResult';
import { type ContractShape, returns } from '../../../shared/ipcMethod';
import type { Profile } from '../../../shared/profile';
import type { LockResult } from '../../../shared/result';
import { none, object, string } from '../../../shared/schema';
import { registerIpc } from '../../../electron/main/ipcRegistration';
import { buildLockAdminApi } from '../../../electron/preload/buildApi';

/** The contract method a channel belongs to, or null when the channel is not `lockAdmin:<method>`. */
function methodOf(channel: string): string | null {
  return channel.startsWith(CHANNEL_PREFIX) ? channel.slice(CHANNEL_PREFIX.length) : null;
}

/** Counts, per contract method, how many of `channels` are its own; a channel of no method is returned apart. */
function matchChannels(channels: readonly string[]): { perMethod: Map<string, number>; strays: string[] } {
  const perMethod = new Map<string, number>(METHOD_NAMES.map((method) => [method, 0]));
  const strays: string[] = [];
  for (const channel of channels) {
    const method = methodOf(channel);
    if (method === null || !perMethod.has(method)) strays.push(channel);
    else perMethod.set(method, (perMethod.get(method) ?? 0) + 1);
  }
  return { perMethod, strays };
}

function mainChannels(): string[] {
  const channels: string[] = [];
  const handlers = Object.fromEntries(METHOD_NAMES.map((method) => [method, async () => null])) as unknown as Handlers;
  registerIpc({ handle: (channel: string) => void channels.push(channel) }, handlers, 'app://koodrive/index.html', {
    isMainWindow: () => true,
    log: () => {},
  });
  return channels;
}

async function preloadChannels(): Promise<string[]> {
  const channels: string[] = [];
  const api = buildLockAdminApi(async (channel) => {
    channels.push(channel);
    return { ok: true, value: null };
  });
  for (const call of Object.values(api) as ((arg: unknown) => Promise<unknown>)[]) await call(undefined);
  return channels;
}

describe('the IPC contract: one entry per method', () => {
  it('gives every method an argument schema and a result marker', () => {
    expect(METHOD_NAMES).toEqual(Object.keys(contract));
    expect(METHOD_NAMES.length).toBeGreaterThan(0);
    for (const method of METHOD_NAMES) {
      const entry: unknown = contract[method];
      expect(Object.keys(entry as object).sort(), method).toEqual(['args', 'result']);
      expect(typeof contract[method].args.parse, method).toBe('function');
      expect(contract[method].result, method).toEqual({});
    }
  });

  it('main registers exactly one channel per contract entry, and no channel without one', () => {
    const { perMethod, strays } = matchChannels(mainChannels());
    expect(strays).toEqual([]);
    for (const [method, count] of perMethod) expect(count, method).toBe(1);
  });

  it('the preload sends on exactly one channel per contract entry, and on no channel without one', async () => {
    const { perMethod, strays } = matchChannels(await preloadChannels());
    expect(strays).toEqual([]);
    for (const [method, count] of perMethod) expect(count, method).toBe(1);
  });

  it('the matching itself catches a stray, a missing and a doubled channel', () => {
    const [first, second] = METHOD_NAMES;
    const { perMethod, strays } = matchChannels([
      `${CHANNEL_PREFIX}${first}`,
      `${CHANNEL_PREFIX}${first}`,
      `${CHANNEL_PREFIX}noSuchMethod`,
      'other:listProfiles',
    ]);
    expect(strays).toEqual([`${CHANNEL_PREFIX}noSuchMethod`, 'other:listProfiles']);
    expect(perMethod.get(first)).toBe(2);
    expect(perMethod.get(second)).toBe(0);
  });
});

describe('the IPC contract at compile time (checked by npm run typecheck)', () => {
  it('derives each end from the one entry', () => {
    expectTypeOf<MethodName>().toEqualTypeOf<keyof typeof contract>();
    expectTypeOf<ResultOf<'listProfiles'>>().toEqualTypeOf<Profile[]>();
    expectTypeOf<ResultOf<'releaseLock'>>().toEqualTypeOf<LockResult>();
    expectTypeOf<ResultOf<'batchStatus'>>().toEqualTypeOf<BatchStatus>();
    expectTypeOf<ArgOf<'listProfiles'>>().toBeVoid();
    // Argument types are intersections (shared/schema.ts ObjectOf), so they are compared both ways.
    expectTypeOf<ArgOf<'cancelRequest'>>().toMatchTypeOf<{ requestTag: string }>();
    expectTypeOf<{ requestTag: string }>().toMatchTypeOf<ArgOf<'cancelRequest'>>();
    expectTypeOf<Parameters<LockAdminApi['cancelBatch']>[0]>().toMatchTypeOf<{ batchId: string }>();
    expectTypeOf<{ batchId: string }>().toMatchTypeOf<Parameters<LockAdminApi['cancelBatch']>[0]>();
    expectTypeOf<ReturnType<LockAdminApi['cancelBatch']>>().toEqualTypeOf<Promise<IpcResult<{ cancelled: boolean }>>>();
    expectTypeOf<Parameters<Handlers['deleteProfile']>[0]>().toMatchTypeOf<{ profileId: string }>();
    expectTypeOf<ReturnType<Handlers['deleteProfile']>>().toEqualTypeOf<Promise<{ deleted: boolean }>>();
  });

  it('leaves no method without a result type', () => {
    type WithoutResult = { [M in MethodName]: [ResultOf<M>] extends [never] ? M : never }[MethodName];
    expectTypeOf<WithoutResult>().toEqualTypeOf<never>();
  });

  it('refuses an entry without its result type, without its argument schema, or with anything else', () => {
    const complete = { ping: { args: none(), result: returns<string>() } } satisfies ContractShape;
    // @ts-expect-error a method without its result type
    const noResult = { ping: { args: none() } } satisfies ContractShape;
    // @ts-expect-error a method without its argument schema
    const noArgs = { ping: { result: returns<string>() } } satisfies ContractShape;
    // @ts-expect-error a result given as a bare value instead of returns<T>()
    const bareResult = { ping: { args: object({ id: string({ max: 8 }) }), result: 'text' } } satisfies ContractShape;
    const extra = {
      // @ts-expect-error an entry with a key the contract does not know
      ping: { args: none(), result: returns<string>(), channel: 'lockAdmin:ping' },
    } satisfies ContractShape;
    expect([complete, noResult, noArgs, bareResult, extra]).toHaveLength(5);
  });
});
