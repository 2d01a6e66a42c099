/**
 * Arguments that pass the contract's schema for each method (checked with safeParse, so a generator
 * that drifts from the schema is noticed), aimed at the handlers' own checks: existing and unknown
 * profiles, live and unknown lock IDs, odd but allowed strings. Every base URL and proxy is on loopback.
 */
import fc from 'fast-check';
import { BATCH_MAX_CONCURRENCY } from '../../../../shared/batch';
import { type MethodName, UNSAVED_EDIT_STATES, contract } from '../../../../shared/contract';
import { HISTORY_OUTCOMES } from '../../../../shared/history';
import { MESSAGE_LOCALES } from '../../../../shared/messages/locales';
import { PROFILE_ID_PATTERN } from '../../../../shared/profile';
import { LOCK_OPERATIONS, RESULT_KINDS } from '../../../../shared/result';
import { safeParse } from '../../../../shared/schema';
import { digitString, nastyUnit } from './adversarial';

/** Replaced by a lock that is held on the sandbox right now, just before the call. */
export const LIVE_LOCK = '<<live-lock>>';

export interface ValidArgContext {
  /** Profiles the fixtures saved (with their secrets); never changed or deleted by the fuzzing. */
  fixtureIds: readonly string[];
  /** Base URLs the fuzzing may save in a profile: all on loopback. */
  baseUrls: readonly string[];
  /** A proxy URL on loopback (nothing listens there). */
  proxyUrl: string;
  /** A CA certificate (PEM) that parses. */
  caPem: string;
}

// eslint-disable-next-line no-control-regex -- the schema's own rule
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_ALL = /[\u0000-\u001f\u007f]/g;

/** Text the schema allows (no C0 control characters) but otherwise as strange as possible. */
export function allowedText(minLength: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .string({ unit: nastyUnit, minLength, maxLength })
    .map((text) => text.replace(CONTROL_ALL, '') || 'x'.repeat(Math.max(1, minLength)))
    .filter((text) => text.length >= minLength && text.length <= maxLength && !CONTROL.test(text));
}

const randomProfileId: fc.Arbitrary<string> = fc.stringMatching(PROFILE_ID_PATTERN);

function profileIdFor(context: ValidArgContext, destructive: boolean): fc.Arbitrary<string> {
  const random = randomProfileId.filter((id) => !context.fixtureIds.includes(id));
  if (destructive) return random;
  return fc.oneof({ arbitrary: fc.constantFrom(...context.fixtureIds), weight: 4 }, { arbitrary: random, weight: 1 });
}

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'.split('')), minLength: length, maxLength: length });
const usualLockId: fc.Arbitrary<string> = fc
  .tuple(hex(8), hex(4), hex(4), hex(4), hex(12), fc.constantFrom('100', '101', '102', '7'))
  .map(([a, b, c, d, e, code]) => `${a}-${b}-${c}-${d}-${e}@${code}`);

const lockId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constant(LIVE_LOCK), weight: 3 },
  { arbitrary: usualLockId, weight: 3 },
  { arbitrary: allowedText(1, 320), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 300 }), weight: 2 },
  { arbitrary: digitString.filter((text) => text.length <= 320), weight: 1 },
  { arbitrary: fc.constantFrom(' a@1 ', '  ', '@', 'a'.repeat(256), 'a'.repeat(257), '\u00a0x@1'), weight: 1 },
);

const userId = fc.oneof(
  { arbitrary: fc.stringMatching(/^\d{1,32}$/), weight: 3 },
  { arbitrary: allowedText(1, 64), weight: 1 },
);
const requestTag = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
const moduleCode = fc.oneof(fc.constantFrom('100', '101', '102', '0', '99999999'), fc.stringMatching(/^\d{1,8}$/));
const clockOffsetMs = fc.oneof(
  fc.constantFrom(0, -1, 1, 86_400_000, -86_400_000, 900_000, -900_001),
  fc.integer({ min: -86_400_000, max: 86_400_000 }),
);
const recordId = fc.oneof(
  { arbitrary: fc.constantFrom('1842862763295184641', '1', '9'.repeat(32)), weight: 2 },
  { arbitrary: fc.stringMatching(/^\d{19}$/), weight: 2 },
  { arbitrary: allowedText(1, 64), weight: 1 },
);
const deviceId = fc.oneof(fc.constantFrom('dev-phone', 'x'), allowedText(1, 128));
const recordCursor = fc.oneof(fc.constantFrom('a', 'not-a-cursor'), allowedText(1, 1000));
const batchId = fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/));
const historyFilter = fc.record(
  {
    lockId: fc.oneof(usualLockId, allowedText(1, 256)),
    profile: allowedText(1, 64),
    userId: allowedText(1, 64),
    batchId: allowedText(1, 64),
    outcome: fc.constantFrom(...HISTORY_OUTCOMES),
    kind: fc.constantFrom(...RESULT_KINDS),
    operation: fc.constantFrom(...LOCK_OPERATIONS),
    from: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      allowedText(1, 40),
    ),
    to: fc.oneof(fc.constantFrom('2020-01-01', '9999-12-31', '0000-00-00', 'now'), allowedText(1, 40)),
  },
  { requiredKeys: [] },
);

function profileInput(context: ValidArgContext): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      id: randomProfileId.filter((id) => !context.fixtureIds.includes(id)),
      name: allowedText(1, 64).filter((name) => name.trim().length > 0),
      baseUrl: fc.constantFrom(...context.baseUrls),
      userId: fc.stringMatching(/^\d{1,32}$/),
      authMode: fc.constantFrom('bearer', 'app'),
      environment: fc.constantFrom('production', 'staging', 'sandbox', 'other'),
      appId: fc
        .string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 128 })
        .filter((id) => /^[\x21-\x7e]+$/.test(id)),
      moduleCode: fc.stringMatching(/^\d{1,8}$/),
      proxyUrl: fc.constant(context.proxyUrl),
      caPem: fc.constantFrom(
        context.caPem,
        '-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----',
        '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      ),
      bearerPrefix: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/),
    },
    { requiredKeys: ['name', 'baseUrl', 'authMode', 'moduleCode'] },
  );
}

function withProfile(
  context: ValidArgContext,
  destructive: boolean,
  extra: Record<string, fc.Arbitrary<unknown>> = {},
  required: string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = { profileId: profileIdFor(context, destructive), ...extra };
  return fc.record(model, { requiredKeys: ['profileId', ...required] });
}

export function validArgFor(method: MethodName, context: ValidArgContext): fc.Arbitrary<unknown> {
  const none = fc.constant(undefined);
  const lockOperation = withProfile(context, false, { lockId, userId, requestTag, clockOffsetMs }, ['lockId']);
  const arbitraries: Record<MethodName, fc.Arbitrary<unknown>> = {
    listProfiles: none,
    saveProfile: profileInput(context),
    deleteProfile: withProfile(context, true),
    secretStatus: withProfile(context, false),
    setSecret: withProfile(context, true, { secret: allowedText(1, 4096) }, ['secret']),
    clearSecret: withProfile(context, true),
    proxyPasswordStatus: withProfile(context, false),
    setProxyPassword: withProfile(
      context,
      true,
      { proxyUrl: fc.constant(context.proxyUrl), user: allowedText(1, 256), password: allowedText(1, 1024) },
      ['user', 'password'],
    ),
    clearProxyPassword: withProfile(context, true),
    releaseLock: lockOperation,
    renewLock: lockOperation,
    createLock: withProfile(context, false, { moduleCode, userId, requestTag, clockOffsetMs }),
    cancelRequest: fc.record({ requestTag }),
    startSandbox: none,
    stopSandbox: none,
    sandboxStatus: none,
    startBatch: withProfile(
      context,
      false,
      {
        rows: fc.array(fc.record({ userId, lockId }, { requiredKeys: ['lockId'] }), { maxLength: 12 }),
        userId,
        concurrency: fc.integer({ min: 1, max: BATCH_MAX_CONCURRENCY }),
        clockOffsetMs,
      },
      ['rows', 'concurrency'],
    ),
    batchStatus: fc.record({ batchId, since: fc.integer({ min: 0, max: 10_000 }) }),
    cancelBatch: fc.record({ batchId }),
    queryHistory: fc.record({
      filter: historyFilter,
      offset: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 })),
      limit: fc.integer({ min: 1, max: 1000 }),
    }),
    exportHistory: fc.record({ filter: historyFilter }),
    verifyAudit: none,
    previewRequest: withProfile(
      context,
      false,
      { operation: fc.constantFrom(...LOCK_OPERATIONS), lockId, moduleCode, userId, clockOffsetMs },
      ['operation'],
    ),
    checkClock: withProfile(context, false),
    checkConnection: withProfile(context, false, { userId }),
    setUnsavedChanges: fc.record({ edits: fc.constantFrom(...UNSAVED_EDIT_STATES) }),
    setWindowLanguage: fc.record({ language: fc.constantFrom(...MESSAGE_LOCALES) }),
    listRecords: withProfile(
      context,
      false,
      { userId, moduleCode, deviceId, limit: fc.integer({ min: 1, max: 300 }), requestTag },
      ['moduleCode'],
    ),
    viewRecord: withProfile(context, false, { userId, moduleCode, recordId, requestTag }, ['recordId']),
    listRecordFiles: withProfile(context, false, { userId, recordId, cursor: recordCursor, requestTag }, ['recordId']),
  };
  const schema = contract[method].args;
  // The live-lock marker is replaced before the call; it is valid text for the schema either way.
  return arbitraries[method].filter((arg) => safeParse(schema, arg).ok);
}

/** The fields of each method's argument, for the near-miss mutations (empty for methods without one). */
export function argumentKeys(method: MethodName): string[] {
  const probe: Record<MethodName, string[]> = {
    listProfiles: [],
    saveProfile: [
      'id',
      'name',
      'baseUrl',
      'userId',
      'authMode',
      'environment',
      'appId',
      'moduleCode',
      'proxyUrl',
      'caPem',
      'bearerPrefix',
    ],
    deleteProfile: ['profileId'],
    secretStatus: ['profileId'],
    setSecret: ['profileId', 'secret'],
    clearSecret: ['profileId'],
    proxyPasswordStatus: ['profileId'],
    setProxyPassword: ['profileId', 'proxyUrl', 'user', 'password'],
    clearProxyPassword: ['profileId'],
    releaseLock: ['profileId', 'lockId', 'userId', 'requestTag', 'clockOffsetMs'],
    renewLock: ['profileId', 'lockId', 'userId', 'requestTag', 'clockOffsetMs'],
    createLock: ['profileId', 'moduleCode', 'userId', 'requestTag', 'clockOffsetMs'],
    cancelRequest: ['requestTag'],
    startSandbox: [],
    stopSandbox: [],
    sandboxStatus: [],
    startBatch: ['profileId', 'rows', 'userId', 'concurrency', 'clockOffsetMs'],
    batchStatus: ['batchId', 'since'],
    cancelBatch: ['batchId'],
    queryHistory: ['filter', 'offset', 'limit'],
    exportHistory: ['filter'],
    verifyAudit: [],
    previewRequest: ['profileId', 'operation', 'lockId', 'moduleCode', 'userId', 'clockOffsetMs'],
    checkClock: ['profileId'],
    checkConnection: ['profileId', 'userId'],
    setUnsavedChanges: ['edits'],
    setWindowLanguage: ['language'],
    listRecords: ['profileId', 'userId', 'moduleCode', 'deviceId', 'limit', 'requestTag'],
    viewRecord: ['profileId', 'userId', 'moduleCode', 'recordId', 'requestTag'],
    listRecordFiles: ['profileId', 'userId', 'recordId', 'cursor', 'requestTag'],
  };
  return probe[method];
}
