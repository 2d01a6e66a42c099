import { t } from '../../i18n';
import './recent.css';
import { LockIdChips } from './LockIdChips';

export interface RecentLockIdsProps {
  lockIds: readonly string[];
  onPick: (lockId: string) => void;
  onClear: () => void;
}

/** The profile's last released or renewed lock IDs: one click puts an ID into the lock ID field. */
export function RecentLockIds({ lockIds, onPick, onClear }: RecentLockIdsProps) {
  return (
    <section className="recent" aria-labelledby="recent-title">
      <div className="field-label-row">
        <h2 id="recent-title" className="subheading">
          {t('recent.title')}
        </h2>
        <button type="button" className="button button--small button--quiet" onClick={onClear}>
          {t('recent.clear')}
        </button>
      </div>
      <LockIdChips labelledBy="recent-title" lockIds={lockIds} onPick={onPick} />
    </section>
  );
}

/** Offered by the lock ID field as suggestions while typing. */
export function RecentLockIdOptions({ id, lockIds }: { id: string; lockIds: readonly string[] }) {
  return (
    <datalist id={id}>
      {lockIds.map((lockId) => (
        <option key={lockId} value={lockId} />
      ))}
    </datalist>
  );
}
