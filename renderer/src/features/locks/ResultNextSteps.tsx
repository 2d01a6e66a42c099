import type { ClockCheck } from '../../../../shared/diagnostics';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n';
import type { CompletedOperation } from '../../lib/operation';
import { type ResultNavigation, navigationFor, nextStepsFor } from './nextSteps';
import { ResultClockCheck } from './ResultClockCheck';

export interface ResultNextStepsProps {
  done: CompletedOperation;
  onNavigate: (target: ResultNavigation) => void;
}

/** The result's next steps as buttons; the clock check runs here, the others open their screen filled in. */
export function ResultNextSteps({ done, onNavigate }: ResultNextStepsProps) {
  const clock = useIpcCall<ClockCheck>();
  const steps = nextStepsFor(done.result);
  if (steps.length === 0) return null;

  function checkClock() {
    if (clock.busy) return;
    void clock.run(() => lockAdmin().checkClock({ profileId: done.profileId }));
  }

  return (
    <div className="result-next">
      <div className="actions" role="group" aria-label={t('resultNext.label')}>
        {steps.map((step, index) =>
          step === 'checkClock' ? (
            <button
              key={step}
              type="button"
              className="button button--primary"
              disabled={clock.busy}
              onClick={checkClock}
            >
              {t('resultNext.checkClock')}
            </button>
          ) : (
            <button
              key={step}
              type="button"
              className={index === 0 ? 'button button--primary' : 'button'}
              onClick={() => onNavigate(navigationFor(step, done))}
            >
              {t(`resultNext.${step}`)}
            </button>
          ),
        )}
        <span className="copy-note" role="status">
          {clock.busy ? t('diagnostics.clock.checking') : ''}
        </span>
      </div>
      {clock.error && <ErrorAlert error={clock.error} />}
      {clock.value && <ResultClockCheck check={clock.value} />}
    </div>
  );
}
