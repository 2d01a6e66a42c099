export interface LockIdChipsProps {
  labelledBy: string;
  lockIds: readonly string[];
  onPick: (lockId: string) => void;
}

/** Lock IDs as chips: one click puts an ID into the lock ID field. */
export function LockIdChips({ labelledBy, lockIds, onPick }: LockIdChipsProps) {
  return (
    <ul className="chips" aria-labelledby={labelledBy}>
      {lockIds.map((lockId) => (
        <li key={lockId}>
          <button type="button" className="chip mono" onClick={() => onPick(lockId)}>
            {lockId}
          </button>
        </li>
      ))}
    </ul>
  );
}
