import { type BatchInput, describeBatchInput } from '../../../../shared/batchInput';
import { locale, t } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';

function column(label: string): string {
  const numbered = /^column (\d+)$/.exec(label);
  return numbered
    ? t('batch.summary.columnNumber', { number: numbered[1] })
    : t('batch.summary.columnNamed', { name: label });
}

/**
 * The input summary: which columns were read and how many rows. English is describeBatchInput's own
 * sentence (the CLI prints the same); other languages say the same from the parsed facts.
 */
export function batchInputSummary(input: BatchInput): string {
  if (locale() === 'en') return describeBatchInput(input);
  if (input.binary) return t('batch.summary.binary');
  const count = formatCount(input.rows.length);
  const parts: string[] = [];
  if (input.lockColumn === null) parts.push(t('batch.summary.list', { count }));
  else if (input.userColumn === null)
    parts.push(t('batch.summary.lockOnly', { count, lock: column(input.lockColumn) }));
  else {
    parts.push(
      t('batch.summary.userAndLock', { count, user: column(input.userColumn), lock: column(input.lockColumn) }),
    );
  }
  if (input.duplicates > 0) parts.push(t('batch.summary.duplicates', { count: formatCount(input.duplicates) }));
  if (input.invalid.length > 0) parts.push(t('batch.summary.invalid', { count: formatCount(input.invalid.length) }));
  if (input.unusual.length > 0) parts.push(t('batch.summary.unusual', { count: formatCount(input.unusual.length) }));
  return parts.join(t('batch.summary.separator'));
}
