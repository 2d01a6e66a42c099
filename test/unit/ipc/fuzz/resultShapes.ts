/**
 * Runtime checks of what comes back over IPC: the IpcResult envelope and, per method, the shape of the
 * value. Each check returns a problem (where and what) or null. Written independently of the handlers.
 */
import { BATCH_MAX_LOCKS } from '../../../../shared/batch';
import { BATCH_OUTCOMES } from '../../../../shared/batchOutcome';
import type { MethodName } from '../../../../shared/contract';
import { IPC_ERROR_CODES } from '../../../../shared/ipcResult';
import { CLOCK_VERDICTS, CONNECTION_STEPS } from '../../../../shared/diagnostics';
import { HISTORY_OUTCOMES } from '../../../../shared/history';
import { AUTH_MODES, ENVIRONMENTS, PROFILE_ID_PATTERN } from '../../../../shared/profile';
import { RECORD_STATUS_NAMES } from '../../../../shared/records';
import { LOCK_OPERATIONS, RESULT_KINDS } from '../../../../shared/result';
import { messagesEn } from '../../../../shared/messages/catalog.en';
import { english } from '../../../../shared/messages/english';
import { type Message, placeholdersOf } from '../../../../shared/messages/template';

type Check = (value: unknown, at: string) => string | null;

/** A message main sends (shared/messages/template.ts): a known key, its English placeholders all given, nested ones too. */
const messageShape: Check = (value, at) => {
  if (!isRecord(value)) return `${at} is not a message`;
  const { key, params } = value;
  if (typeof key !== 'string' || !Object.hasOwn(messagesEn, key)) return `${at}.key is not a message key`;
  if (params !== undefined && !isRecord(params)) return `${at}.params is not an object`;
  const given = params ?? {};
  for (const name of placeholdersOf(messagesEn[key as keyof typeof messagesEn])) {
    if (!Object.hasOwn(given, name)) return `${at}.params.${name} is missing`;
  }
  for (const [name, param] of Object.entries(given)) {
    if (typeof param === 'string' || (typeof param === 'number' && Number.isFinite(param))) continue;
    const problem = messageShape(param, `${at}.params.${name}`);
    if (problem) return problem;
  }
  for (const name of Object.keys(value)) if (name !== 'key' && name !== 'params') return `${at} has "${name}"`;
  return null;
};

/** The English remedy and its message: the message, rendered in English, is exactly the remedy. */
function remedyWithMessage(value: unknown, at: string): string | null {
  const { remedy, remedyMessage } = value as { remedy: unknown; remedyMessage: unknown };
  const problem = messageShape(remedyMessage, `${at}.remedyMessage`);
  if (problem) return problem;
  return english(remedyMessage as Message) === remedy ? null : `${at}.remedy is not remedyMessage in English`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const str: Check = (value, at) => (typeof value === 'string' ? null : `${at} is not a string`);
const bool: Check = (value, at) => (typeof value === 'boolean' ? null : `${at} is not a boolean`);
const count: Check = (value, at) =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? null : `${at} is not a count`;
const finite: Check = (value, at) =>
  typeof value === 'number' && Number.isFinite(value) ? null : `${at} is not a finite number`;
const nullable =
  (check: Check): Check =>
  (value, at) =>
    value === null ? null : check(value, at);
const oneOf =
  (values: readonly string[]): Check =>
  (value, at) =>
    typeof value === 'string' && values.includes(value) ? null : `${at} is not one of ${values.join('|')}`;
const arrayOf =
  (item: Check): Check =>
  (value, at) => {
    if (!Array.isArray(value)) return `${at} is not an array`;
    for (let i = 0; i < value.length; i++) {
      const problem = item(value[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };
const stringRecord: Check = (value, at) => {
  if (!isRecord(value)) return `${at} is not an object`;
  for (const [key, item] of Object.entries(value)) if (typeof item !== 'string') return `${at}.${key} is not a string`;
  return null;
};

/** Exactly these fields (optional ones marked with ?), each passing its check. */
function shape(fields: Record<string, Check>): Check {
  return (value, at) => {
    if (!isRecord(value)) return `${at} is not an object`;
    const known = new Map(Object.entries(fields).map(([key, check]) => [key.replace(/\?$/, ''), { check, key }]));
    for (const key of Object.keys(value)) if (!known.has(key)) return `${at} has an unexpected field "${key}"`;
    for (const [name, { check, key }] of known) {
      const present = Object.hasOwn(value, name);
      if (!present) {
        if (key.endsWith('?')) continue;
        return `${at}.${name} is missing`;
      }
      const problem = check(value[name], `${at}.${name}`);
      if (problem) return problem;
    }
    return null;
  };
}

const profile = shape({
  id: (value, at) => (typeof value === 'string' && PROFILE_ID_PATTERN.test(value) ? null : `${at} is not a profile id`),
  name: str,
  baseUrl: str,
  'userId?': str,
  authMode: oneOf(AUTH_MODES),
  environment: oneOf(ENVIRONMENTS),
  'appId?': str,
  moduleCode: str,
  'bearerPrefix?': str,
  'proxyUrl?': str,
  'caPem?': str,
});

const lockResult: Check = (value, at) => {
  const problem = shape({
    ok: bool,
    kind: oneOf(RESULT_KINDS),
    operation: oneOf(LOCK_OPERATIONS),
    host: str,
    httpStatus: nullable((status, where) =>
      Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599
        ? null
        : `${where} is not an HTTP status`,
    ),
    code: nullable(str),
    msg: nullable(str),
    lockId: nullable(str),
    userId: nullable(str),
    'batchId?': str,
    'sentAt?': str,
    'attempts?': count,
    durationMs: (duration, where) => finite(duration, where) ?? ((duration as number) < 0 ? `${where} < 0` : null),
    'requestId?': str,
    'serverDate?': str,
    remedy: (remedy, where) => (typeof remedy === 'string' && remedy.length > 0 ? null : `${where} is empty`),
    remedyMessage: messageShape,
  })(value, at);
  if (problem) return problem;
  const remedyProblem = remedyWithMessage(value, at);
  if (remedyProblem) return remedyProblem;
  const result = value as { ok: boolean; kind: string };
  return result.ok === (result.kind === 'success') ? null : `${at}.ok does not match kind ${result.kind}`;
};

const secretStatus = shape({
  stored: bool,
  destinationChanged: bool,
  store: str,
  'keychain?': oneOf(['locked', 'unavailable']),
});
const proxyPasswordStatus = shape({ stored: bool, proxy: nullable(str), user: nullable(str), store: str });
const sandboxInfo = shape({
  running: bool,
  baseUrl: nullable(str),
  profileId: nullable(str),
  activeLockIds: arrayOf(str),
  activeLocks: arrayOf(shape({ userId: str, lockId: str })),
});
const savedProfile: Check = (value, at) => {
  if (!isRecord(value)) return `${at} is not an object`;
  const { secretCleared, ...rest } = value;
  return bool(secretCleared, `${at}.secretCleared`) ?? profile(rest, at);
};
const outcomeCounts = shape(Object.fromEntries(BATCH_OUTCOMES.map((outcome) => [outcome, count])));

const batchStatus = shape({
  batchId: str,
  profileId: str,
  profileName: str,
  environment: oneOf(ENVIRONMENTS),
  host: str,
  operator: str,
  startedAt: str,
  endedAt: nullable(str),
  outcomes: outcomeCounts,
  total: (value, at) => count(value, at) ?? ((value as number) > BATCH_MAX_LOCKS ? `${at} > ${BATCH_MAX_LOCKS}` : null),
  progress: shape({
    done: count,
    failed: count,
    remaining: count,
    inFlight: count,
    ratePerSec: finite,
    etaSec: nullable(finite),
    'pacing?': shape({
      limitPerSec: nullable(finite),
      throttled: count,
      waiting: count,
      resumeInSec: nullable(finite),
    }),
  }),
  results: arrayOf(lockResult),
  nextIndex: count,
  finished: bool,
  cancelled: bool,
  notSent: count,
  'paused?': shape({ reason: oneOf(['server-unreachable']), connectionFailures: count }),
});

const historyRow = shape({
  operationId: str,
  time: str,
  source: oneOf(['gui', 'cli']),
  osUser: str,
  profile: str,
  'profileName?': str,
  host: str,
  operation: oneOf(LOCK_OPERATIONS),
  lockId: nullable(str),
  'userId?': str,
  'environment?': str,
  'batchId?': str,
  outcome: oneOf(HISTORY_OUTCOMES),
  'kind?': oneOf(RESULT_KINDS),
  'httpStatus?': nullable(count),
  'code?': nullable(str),
  'msg?': nullable(str),
  'requestId?': str,
  'durationMs?': finite,
});

const connectionStep = shape({
  step: oneOf(CONNECTION_STEPS),
  ok: nullable(bool),
  durationMs: finite,
  detail: str,
  detailMessage: messageShape,
  remedy: nullable(str),
  'remedyMessage?': messageShape,
  'certificate?': shape({ subject: str, issuer: str, validFrom: str, validTo: str }),
});

/** A message that, rendered in English, is exactly the English text beside it. */
function inEnglish(text: unknown, said: unknown, at: string): string | null {
  return english(said as Message) === text ? null : `${at} is not its message in English`;
}

/** A step's detail and remedy come with their messages, and each message in English is the text. */
const connectionStepWithMessage: Check = (value, at) => {
  const problem = connectionStep(value, at);
  if (problem) return problem;
  const { detail, detailMessage } = value as { detail: string; detailMessage: unknown };
  const detailProblem = inEnglish(detail, detailMessage, `${at}.detail`);
  if (detailProblem) return detailProblem;
  const { remedy, remedyMessage } = value as { remedy: string | null; remedyMessage?: unknown };
  if (remedy === null) return remedyMessage === undefined ? null : `${at}.remedyMessage without a remedy`;
  return remedyWithMessage(value, at);
};

const exactId: Check = (value, at) =>
  typeof value === 'string' && /^\d{1,40}$/.test(value) ? null : `${at} is not an exact decimal ID`;

/** The fields every record read reports (RecordReadOutcome), plus the method's own. */
function recordRead(fields: Record<string, Check>): Check {
  return (value, at) => {
    const problem = shape({
      ok: bool,
      kind: oneOf(RESULT_KINDS),
      host: str,
      httpStatus: nullable((status, where) =>
        Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599
          ? null
          : `${where} is not an HTTP status`,
      ),
      code: nullable(str),
      msg: nullable(str),
      remedy: (remedy, where) => (typeof remedy === 'string' && remedy.length > 0 ? null : `${where} is empty`),
      remedyMessage: messageShape,
      userId: nullable(str),
      durationMs: (duration, where) => finite(duration, where) ?? ((duration as number) < 0 ? `${where} < 0` : null),
      'requestId?': str,
      'serverDate?': str,
      ...fields,
    })(value, at);
    if (problem) return problem;
    const remedyProblem = remedyWithMessage(value, at);
    if (remedyProblem) return remedyProblem;
    const result = value as { ok: boolean; kind: string };
    return result.ok === (result.kind === 'success') ? null : `${at}.ok does not match kind ${result.kind}`;
  };
}

const backupRecord = shape({
  recordId: exactId,
  moduleCode: str,
  status: nullable(finite),
  statusName: oneOf([...RECORD_STATUS_NAMES, 'unknown']),
  createTime: nullable(str),
  createdAtMs: nullable(finite),
  endTime: nullable(str),
  endedAtMs: nullable(finite),
  version: nullable(finite),
  properties: nullable(str),
  device: nullable(
    shape({
      deviceId: nullable(str),
      machineCode: nullable(str),
      deviceName: nullable(str),
      deviceOS: nullable(str),
      createTime: nullable(str),
    }),
  ),
});

const backupFile = shape({
  fileId: exactId,
  fileName: str,
  sha256: nullable(str),
  size: nullable(exactId),
  mimeType: nullable(str),
  description: nullable(str),
  createTime: nullable(str),
  createdAtMs: nullable(finite),
});

export const VALUE_SHAPES: Record<MethodName, Check> = {
  listProfiles: arrayOf(profile),
  saveProfile: savedProfile,
  deleteProfile: shape({ deleted: bool }),
  secretStatus,
  setSecret: secretStatus,
  clearSecret: secretStatus,
  proxyPasswordStatus,
  setProxyPassword: proxyPasswordStatus,
  clearProxyPassword: proxyPasswordStatus,
  releaseLock: lockResult,
  renewLock: lockResult,
  createLock: lockResult,
  cancelRequest: shape({ cancelled: bool }),
  startSandbox: sandboxInfo,
  stopSandbox: sandboxInfo,
  sandboxStatus: sandboxInfo,
  startBatch: shape({ batchId: str, total: count }),
  batchStatus,
  cancelBatch: shape({ cancelled: bool }),
  queryHistory: shape({ total: count, rows: arrayOf(historyRow), skippedLines: count }),
  exportHistory: shape({ csv: str, rows: count }),
  verifyAudit: (value, at) =>
    isRecord(value) && value.intact === true
      ? shape({ intact: bool, entries: count })(value, at)
      : shape({ intact: bool, entries: count, brokenAt: str, problem: str })(value, at),
  previewRequest: shape({
    method: str,
    url: str,
    headers: stringRecord,
    body: nullable(str),
    canonicalRequest: nullable(str),
    stringToSign: nullable(str),
    curl: str,
    powershell: str,
  }),
  checkClock: (value, at) =>
    shape({
      localTime: str,
      serverTime: nullable(str),
      skewMs: nullable(finite),
      verdict: oneOf(CLOCK_VERDICTS),
      message: str,
      verdictMessage: messageShape,
      suggestedOffsetMs: nullable(finite),
    })(value, at) ??
    inEnglish(
      (value as { message: unknown }).message,
      (value as { verdictMessage: unknown }).verdictMessage,
      `${at}.message`,
    ),
  checkConnection: shape({ profileId: str, host: str, steps: arrayOf(connectionStepWithMessage) }),
  setUnsavedChanges: shape({ guarded: bool }),
  setWindowLanguage: shape({ applied: bool }),
  listRecords: recordRead({
    moduleCode: str,
    records: arrayOf(backupRecord),
    pagesRead: count,
    nextCursor: nullable(str),
    limitReached: bool,
  }),
  viewRecord: recordRead({ recordId: str, record: nullable(backupRecord) }),
  listRecordFiles: recordRead({ recordId: str, files: arrayOf(backupFile), nextCursor: nullable(str) }),
};

const MAX_ERROR_MESSAGE = 2000;

/** The envelope: { ok: true, value } with a value of the method's shape, or { ok: false, error } with a typed code. */
export function ipcResultProblem(method: MethodName, result: unknown): string | null {
  if (!isRecord(result)) return 'the result is not an object';
  if (result.ok === true) {
    const keys = Object.keys(result).sort().join(',');
    if (keys !== 'ok,value') return `the ok result has the fields ${keys}`;
    return VALUE_SHAPES[method](result.value, 'value');
  }
  if (result.ok !== false) return 'result.ok is not a boolean';
  const keys = Object.keys(result).sort().join(',');
  if (keys !== 'error,ok') return `the failed result has the fields ${keys}`;
  return errorProblem(result.error);
}

export function errorProblem(error: unknown): string | null {
  const problem = shape({ code: oneOf(IPC_ERROR_CODES), message: str })(error, 'error');
  if (problem) return problem;
  const { message } = error as { message: string };
  if (message.trim().length === 0) return 'error.message is empty';
  if (message.length > MAX_ERROR_MESSAGE) return `error.message has ${message.length} characters`;
  return null;
}
