import { useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import { t } from '../../i18n';
import { ProfileEditor } from './ProfileEditor';
import { ProfileList } from './ProfileList';

export interface ProfilesScreenProps {
  profiles: Profile[];
  onSaved: (profile: Profile) => void;
  onDeleted: (profileId: string) => void;
  onOpenLocks: (profileId: string) => void;
  /** Opens on this profile with its secret field focused (a lock result's "Replace secret" / "Edit profile"). */
  secretOf?: string | null;
}

/** `session` changes when the user picks another profile (a fresh editor), not when a new one is saved. */
interface Selection {
  id: string | null;
  session: number;
}

export function ProfilesScreen({ profiles, onSaved, onDeleted, onOpenLocks, secretOf = null }: ProfilesScreenProps) {
  const [selection, setSelection] = useState<Selection>(() => ({
    id: profiles.find((item) => item.id === secretOf)?.id ?? profiles[0]?.id ?? null,
    session: 0,
  }));
  const [lastSaved, setLastSaved] = useState<Profile | null>(null);
  const choose = (id: string | null) => setSelection((previous) => ({ id, session: previous.session + 1 }));

  const profile =
    selection.id === null
      ? null
      : (profiles.find((item) => item.id === selection.id) ?? (lastSaved?.id === selection.id ? lastSaved : null));

  return (
    <div className="split">
      <aside className="sidebar" aria-label={t('profiles.listTitle')}>
        <ProfileList
          profiles={profiles}
          selectedId={profile?.id ?? null}
          onSelect={choose}
          onAdd={() => choose(null)}
        />
      </aside>
      <div className="split-main">
        <ProfileEditor
          key={selection.session}
          profile={profile}
          onSaved={(saved) => {
            setLastSaved(saved);
            setSelection((previous) => ({ id: saved.id, session: previous.session }));
            onSaved(saved);
          }}
          onDeleted={(deletedId) => {
            onDeleted(deletedId);
            choose(profiles.find((item) => item.id !== deletedId)?.id ?? null);
          }}
          onOpenLocks={onOpenLocks}
          focusSecret={secretOf !== null && selection.session === 0 && profile?.id === secretOf}
        />
      </div>
    </div>
  );
}
