import { t } from '../../i18n';
import type { InFlightOperation } from '../../lib/operation';

export function InFlightPanel({ inFlight, onCancel }: { inFlight: InFlightOperation; onCancel: () => void }) {
  return (
    <div className="panel inflight" aria-busy="true">
      <span className="spinner" aria-hidden="true" />
      <p className="inflight-text">{t(`inflight.${inFlight.operation}`)}</p>
      <button type="button" className="button" onClick={onCancel} disabled={inFlight.cancelling}>
        {inFlight.cancelling ? t('inflight.cancelling') : t('inflight.cancel')}
      </button>
    </div>
  );
}
