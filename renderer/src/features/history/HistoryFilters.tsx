import { HISTORY_OUTCOMES } from '../../../../shared/history';
import { t } from '../../i18n';
import type { HistoryFilterDraft } from './historyFilterDraft';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { displayZone } from '../settings/displayTime';
import { useTimeZoneChoice } from '../settings/settingsStore';

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
  const outcomes = [
    { value: '', label: t('history.filter.outcome.any') },
    ...HISTORY_OUTCOMES.map((outcome) => ({ value: outcome, label: t(`history.filter.outcome.${outcome}`) })),
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
      <SelectField
        id="history-outcome"
        label={t('history.filter.outcome')}
        value={draft.outcome}
        onChange={set('outcome')}
        options={outcomes}
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
