import type { ClockCheck } from '../../../../shared/diagnostics';
import { t } from '../../i18n';

/** The clock check run from a result, in place: its verdict and its words, as on the Diagnostics screen. */
export function ResultClockCheck({ check }: { check: ClockCheck }) {
  return (
    <div className="result-clock" role="group" aria-labelledby="result-clock-verdict">
      <p id="result-clock-verdict" className="strong">
        {t(`diagnostics.clock.verdict.${check.verdict}`)}
      </p>
      <p>{check.message}</p>
    </div>
  );
}
