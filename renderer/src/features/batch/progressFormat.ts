/** The batch progress panel's rate and time-left texts, in the active language. */
import { t } from '../../i18n';
import { numberFormats } from '../../lib/numberFormat';

export function formatRate(perSecond: number): string {
  return t('batch.progress.rateValue', { rate: numberFormats().oneDecimal.format(perSecond) });
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('batch.progress.etaUnknown');
  const rounded = Math.max(0, Math.ceil(seconds));
  if (rounded < 60) return t('batch.progress.etaSeconds', { seconds: rounded });
  return t('batch.progress.etaMinutes', { minutes: Math.floor(rounded / 60), seconds: rounded % 60 });
}
