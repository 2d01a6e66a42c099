import { t } from '../../i18n';
import { moduleNameOfLockId } from '../../lib/moduleName';

export interface StuckLock {
  userId: string;
  lockId: string;
}

export interface StuckLockListProps {
  locks: readonly StuckLock[];
  onPick: (lock: StuckLock) => void;
}

/** Shown at most; the sandbox may hold thousands when seeded in bulk. */
const SHOWN = 12;

/** The sandbox's held locks with their users: one click puts both into the form. */
export function StuckLockList({ locks, onPick }: StuckLockListProps) {
  return (
    <section className="stuck" aria-labelledby="stuck-title">
      <h3 id="stuck-title" className="subheading">
        {t('stuck.title')}
      </h3>
      {locks.length === 0 ? (
        <p className="field-help">{t('stuck.none')}</p>
      ) : (
        <>
          <p className="field-help">{t('stuck.help')}</p>
          <ul className="chips" aria-labelledby="stuck-title">
            {locks.slice(0, SHOWN).map((lock) => (
              <li key={`${lock.userId} ${lock.lockId}`}>
                <button
                  type="button"
                  className="chip chip--stuck"
                  onClick={() => onPick(lock)}
                  aria-label={t('stuck.pick', {
                    userId: lock.userId,
                    lockId: lock.lockId,
                    module: moduleNameOfLockId(lock.lockId) ?? '',
                  })}
                >
                  <span className="chip-user">{t('stuck.user', { userId: lock.userId })}</span>
                  <span className="mono">{lock.lockId}</span>
                </button>
              </li>
            ))}
          </ul>
          {locks.length > SHOWN && <p className="field-help">{t('stuck.more', { count: locks.length - SHOWN })}</p>}
        </>
      )}
    </section>
  );
}
