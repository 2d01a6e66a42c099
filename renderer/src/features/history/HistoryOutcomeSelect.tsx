import { HISTORY_OUTCOMES } from '../../../../shared/history';
import { RESULT_KINDS } from '../../../../shared/result';
import { t } from '../../i18n';

/** Result kinds a failed operation can have (success is the Succeeded outcome). */
const FAILURE_KINDS = RESULT_KINDS.filter((kind) => kind !== 'success');

export interface HistoryOutcomeSelectProps {
  value: string;
  onChange: (value: string) => void;
}

/** Any outcome, the three outcomes, or one reason a failure had: every outcome the audit log can hold. */
export function HistoryOutcomeSelect({ value, onChange }: HistoryOutcomeSelectProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor="history-outcome">
        {t('history.filter.outcome')}
      </label>
      <select
        id="history-outcome"
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('history.filter.outcome.any')}</option>
        {HISTORY_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {t(`history.filter.outcome.${outcome}`)}
          </option>
        ))}
        <optgroup label={t('history.filter.outcome.failedBecause')}>
          {FAILURE_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`resultTitle.${kind}`)}
            </option>
          ))}
        </optgroup>
      </select>
    </div>
  );
}
