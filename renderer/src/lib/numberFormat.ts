import { locale } from '../i18n';

const formats = new Map<string, { whole: Intl.NumberFormat; oneDecimal: Intl.NumberFormat }>();

/** Number formats of the active language (it can change while the app runs). */
export function numberFormats() {
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
