import { t } from '../i18n';
import { LockIdChips } from './LockIdChips';

export interface StuckLockListProps {
  lockIds: string[];
  onPick: (lockId: string) => void;
}

/** The sandbox's held locks: one click puts an ID into the lock ID field. */
export function StuckLockList({ lockIds, onPick }: StuckLockListProps) {
  return (
    <section className="stuck" aria-labelledby="stuck-title">
      <h3 id="stuck-title" className="subheading">
        {t('stuck.title')}
      </h3>
      {lockIds.length === 0 ? (
        <p className="field-help">{t('stuck.none')}</p>
      ) : (
        <>
          <p className="field-help">{t('stuck.help')}</p>
          <LockIdChips labelledBy="stuck-title" lockIds={lockIds} onPick={onPick} />
        </>
      )}
    </section>
  );
}
