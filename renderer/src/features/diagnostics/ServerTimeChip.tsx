import { useState } from 'react';
import { t } from '../../i18n';
import { Icon } from '../../components/Icon';
import { setClockOffset, useClockOffset } from './diagnosticsClockOffset';
import { serverTimeChipText } from './serverTimeText';
import './serverTimeChip.css';

/**
 * Says, on the screens that send lock operations, that "Sign with server time" (Diagnostics → Clock) is on for
 * this profile, and turns it off. The status region stays mounted so that turning it off is announced too.
 */
export function ServerTimeChip({ profileId }: { profileId: string }) {
  const offsetMs = useClockOffset(profileId);
  const [turnedOff, setTurnedOff] = useState(false);
  const text = serverTimeChipText(offsetMs);

  function turnOff() {
    setClockOffset(profileId, null);
    setTurnedOff(true);
  }

  return (
    <div className="server-time" role="status">
      {text !== null ? (
        <p className="server-time-chip">
          <Icon name="alert" className="server-time-icon" />
          <span>{text}</span>
          <button type="button" className="button button--small button--quiet" onClick={turnOff}>
            {t('serverTime.turnOff')}
          </button>
        </p>
      ) : (
        turnedOff && <span className="visually-hidden">{t('diagnostics.clock.useServerTime.off')}</span>
      )}
    </div>
  );
}
