import type { LockResult } from '../../../../shared/result';
import { t } from '../../i18n';
import type { TimeZoneChoice } from '../../lib/dateTime';
import { displayTime } from '../settings/displayTime';

/**
 * For a cancelled request that had already left: that it may have reached the server, and how to find
 * out for this operation (what repeating it does: docs/koodrive-protocol.md#lock-lifetime). null when
 * nothing was sent, or for any other result.
 */
export function cancelledText(result: LockResult, zone?: TimeZoneChoice): string | null {
  if (result.kind !== 'cancelled' || !result.sentAt) return null;
  const sentAt = new Date(result.sentAt);
  if (Number.isNaN(sentAt.getTime())) return null;
  return `${t('resultCancelled.left', { time: displayTime(sentAt, zone).text })} ${t(`resultCancelled.${result.operation}`)}`;
}
