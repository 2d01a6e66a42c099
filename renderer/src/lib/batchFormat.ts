import { locale, t } from '../i18n';

const formats = new Map<string, { whole: Intl.NumberFormat; oneDecimal: Intl.NumberFormat }>();

/** Number formats of the active language (it can change while the app runs). */
function numberFormats() {
  const tag = locale();
  let found = formats.get(tag);
  if (!found) {
    found = {
      whole: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
      oneDecimal: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
    };
    formats.set(tag, found);
  }
  return found;
}

export function formatCount(count: number): string {
  return numberFormats().whole.format(count);
}

export function formatRate(perSecond: number): string {
  return t('batch.progress.rateValue', { rate: numberFormats().oneDecimal.format(perSecond) });
}

export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return t('batch.progress.etaUnknown');
  const rounded = Math.max(0, Math.ceil(seconds));
  if (rounded < 60) return t('batch.progress.etaSeconds', { seconds: rounded });
  return t('batch.progress.etaMinutes', { minutes: Math.floor(rounded / 60), seconds: rounded % 60 });
}
