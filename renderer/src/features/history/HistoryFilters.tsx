import { LOCK_OPERATIONS } from '../../../../shared/result';
import { t } from '../../i18n';
import { operationName } from '../../lib/resultText';
import type { HistoryFilterDraft } from './historyFilterDraft';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { displayZone } from '../settings/displayTime';
import { useTimeZoneChoice } from '../settings/settingsStore';
import { HistoryOutcomeSelect } from './HistoryOutcomeSelect';
import { HISTORY_QUICK_RANGES, quickRangeFrom } from './historyQuickRanges';

export interface HistoryFiltersProps {
  draft: HistoryFilterDraft;
  onChange: (draft: HistoryFilterDraft) => void;
  profileNames: readonly string[];
  /** Main's message about a date it cannot read, shown under both date fields' group. */
  dateProblem: string | null;
}

export function HistoryFilters({ draft, onChange, profileNames, dateProblem }: HistoryFiltersProps) {
  const timeZone = useTimeZoneChoice();
  const zone = displayZone(timeZone);
  const set = (field: keyof HistoryFilterDraft) => (value: string) => onChange({ ...draft, [field]: value });
  const operations = [
    { value: '', label: t('history.filter.operation.any') },
    ...LOCK_OPERATIONS.map((operation) => ({ value: operation, label: operationName(operation) })),
  ];
  return (
    <fieldset className="history-filters" aria-describedby={dateProblem ? 'history-date-problem' : undefined}>
      <legend className="visually-hidden">{t('history.filters')}</legend>
      <TextField
        id="history-lock"
        label={t('history.filter.lockId')}
        value={draft.lockId}
        onChange={set('lockId')}
        mono
      />
      <TextField
        id="history-user"
        label={t('history.filter.userId')}
        value={draft.userId}
        onChange={set('userId')}
        inputMode="numeric"
        mono
      />
      <TextField
        id="history-batch"
        label={t('history.filter.batchId')}
        value={draft.batchId}
        onChange={set('batchId')}
        mono
      />
      <TextField
        id="history-profile"
        label={t('history.filter.profile')}
        value={draft.profile}
        onChange={set('profile')}
        list="history-profile-names"
        help={t('history.filter.profile.help')}
      />
      <datalist id="history-profile-names">
        {profileNames.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <HistoryOutcomeSelect value={draft.outcome} onChange={set('outcome')} />
      <SelectField
        id="history-operation"
        label={t('history.filter.operation')}
        value={draft.operation}
        onChange={set('operation')}
        options={operations}
      />
      <TextField
        id="history-from"
        label={t('history.filter.from', { zone })}
        value={draft.from}
        onChange={set('from')}
        placeholder={t('history.filter.datePlaceholder')}
        mono
      />
      <TextField
        id="history-to"
        label={t('history.filter.to', { zone })}
        value={draft.to}
        onChange={set('to')}
        placeholder={t('history.filter.datePlaceholder')}
        mono
      />
      <div className="history-quick-ranges" role="group" aria-labelledby="history-quick-label">
        <span id="history-quick-label" className="field-label">
          {t('history.filter.quick')}
        </span>
        <div className="history-quick-buttons">
          {HISTORY_QUICK_RANGES.map((range) => (
            <button
              key={range}
              type="button"
              className="button history-quick-button"
              onClick={() => onChange({ ...draft, from: quickRangeFrom(range, new Date(), timeZone), to: '' })}
            >
              {t(`history.filter.quick.${range}`)}
            </button>
          ))}
        </div>
      </div>
      {dateProblem ? (
        <p id="history-date-problem" className="field-note field-note--problem history-filters-note">
          {dateProblem}
        </p>
      ) : (
        <p className="field-help history-filters-note">{t(`history.filter.date.help.${timeZone}`, { zone })}</p>
      )}
    </fieldset>
  );
}
