import { useCallback, useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import { t } from '../../i18n';
import { duplicateDraft } from './duplicateProfile';
import type { ProfileDraft } from './profileForm';
import { ProfileEditor } from './ProfileEditor';
import { ProfileList } from './ProfileList';
import type { EditState } from './editState';
import { useDiscardGuard } from './useDiscardGuard';

export interface ProfilesScreenProps {
  profiles: Profile[];
  onSaved: (profile: Profile) => void;
  onDeleted: (profileId: string) => void;
  onOpenLocks: (profileId: string) => void;
  /** Told whether the editor holds unsaved edits or is saving, so that leaving the screen can ask or wait first. */
  onEditStateChange?: (state: EditState) => void;
  /** Opens on this profile with its secret field focused (a lock result's "Replace secret" / "Edit profile"). */
  secretOf?: string | null;
}

/** `session` changes when the user picks another profile (a fresh editor), not when a new one is saved. */
interface Selection {
  id: string | null;
  session: number;
  /** A new profile prefilled by Duplicate. */
  copy: { draft: ProfileDraft; from: string } | null;
}

export function ProfilesScreen({
  profiles,
  onSaved,
  onDeleted,
  onOpenLocks,
  onEditStateChange,
  secretOf = null,
}: ProfilesScreenProps) {
  const [selection, setSelection] = useState<Selection>(() => ({
    id: profiles.find((item) => item.id === secretOf)?.id ?? profiles[0]?.id ?? null,
    session: 0,
    copy: null,
  }));
  const [lastSaved, setLastSaved] = useState<Profile | null>(null);
  const discard = useDiscardGuard();
  const { setEditState } = discard;
  const open = (id: string | null, copy: Selection['copy'] = null) =>
    setSelection((previous) => ({ id, session: previous.session + 1, copy }));
  const choose = (id: string | null) => discard.guard(() => open(id));
  const reportEditState = useCallback(
    (state: EditState) => {
      setEditState(state);
      onEditStateChange?.(state);
    },
    [setEditState, onEditStateChange],
  );

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
          copy={selection.copy}
          onSaved={(saved) => {
            setLastSaved(saved);
            setSelection((previous) => ({ id: saved.id, session: previous.session, copy: null }));
            onSaved(saved);
          }}
          onDeleted={(deletedId) => {
            onDeleted(deletedId);
            open(profiles.find((item) => item.id !== deletedId)?.id ?? null);
          }}
          onOpenLocks={(profileId) => discard.guard(() => onOpenLocks(profileId))}
          onDuplicate={(original) =>
            discard.guard(() =>
              open(null, {
                draft: duplicateDraft(
                  original,
                  profiles.map((item) => item.name),
                ),
                from: original.name,
              }),
            )
          }
          onEditStateChange={reportEditState}
          focusSecret={secretOf !== null && selection.session === 0 && profile?.id === secretOf}
        />
      </div>
      {discard.dialog}
    </div>
  );
}
