import type { LockOperation, LockResult } from '../../../shared/result';
import { type MessageKey, messageText, t } from '../i18n';
import { environmentName } from './environment';
import { moduleNameOfLockId } from './moduleName';
import type { CompletedOperation } from './operation';

export function resultTitle(result: LockResult): string {
  const key: MessageKey =
    result.kind === 'success' ? `resultTitle.success.${result.operation}` : `resultTitle.${result.kind}`;
  return t(key);
}

export function operationName(operation: LockOperation): string {
  return t(`operation.${operation}`);
}

export function formatDuration(ms: number): string {
  return t('result.durationValue', { ms: Math.round(ms) });
}

/** Plain text for a support ticket. It can only contain what main sent, and main never sends a secret. */
export function resultSummary(done: CompletedOperation): string {
  const { result } = done;
  const none = t('result.none');
  const lines: Array<[string, string]> = [
    [t('summary.operation'), operationName(result.operation)],
    [t('summary.outcome'), `${resultTitle(result)} (${result.kind})`],
    [t('summary.time'), done.finishedAt.toISOString()],
    [t('summary.profile'), done.profileName],
    [t('summary.environment'), environmentName(done.environment)],
    [t('summary.userId'), result.userId ?? done.userId],
    [t('summary.host'), result.host],
    [t('summary.lockId'), result.lockId ?? none],
    [t('summary.httpStatus'), result.httpStatus === null ? t('result.noResponse') : String(result.httpStatus)],
    [t('summary.code'), result.code ?? none],
    [t('summary.msg'), result.msg ?? none],
    [t('summary.requestId'), result.requestId ?? none],
    [t('summary.duration'), formatDuration(result.durationMs)],
  ];
  const moduleName = moduleNameOfLockId(result.lockId);
  if (moduleName) lines.splice(7, 0, [t('summary.module'), moduleName]);
  if (result.serverDate) lines.push([t('summary.serverDate'), result.serverDate]);
  lines.push([t('summary.remedy'), messageText(result.remedyMessage, result.remedy)]);
  return [t('summary.heading'), ...lines.map(([label, value]) => `${label}: ${value}`)].join('\n');
}
