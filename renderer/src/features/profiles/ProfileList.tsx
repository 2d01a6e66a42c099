import type { Profile } from '../../../../shared/profile';
import { t } from '../../i18n';
import { hostOf } from '../../lib/hostOf';
import { Icon } from '../../components/Icon';

export interface ProfileListProps {
  profiles: Profile[];
  /** null while a new, unsaved profile is being edited. */
  selectedId: string | null;
  onSelect: (profileId: string) => void;
  onAdd: () => void;
}

export function ProfileList({ profiles, selectedId, onSelect, onAdd }: ProfileListProps) {
  return (
    <>
      <h2 className="sidebar-title" id="profile-list-title">
        {t('profiles.listTitle')}
      </h2>
      <ul className="profile-list" aria-labelledby="profile-list-title">
        {profiles.map((profile) => (
          <li key={profile.id}>
            <button
              type="button"
              className="profile-item"
              aria-current={profile.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(profile.id)}
            >
              <span className="profile-item-name">{profile.name}</span>
              <span className="profile-item-host">{hostOf(profile.baseUrl)}</span>
            </button>
          </li>
        ))}
        {selectedId === null && (
          <li>
            <span className="profile-item profile-item--new" aria-current="true">
              <span className="profile-item-name">{t('profiles.unsaved')}</span>
            </span>
          </li>
        )}
      </ul>
      <button type="button" className="button button--small sidebar-add" onClick={onAdd} disabled={selectedId === null}>
        <Icon name="plus" />
        {t('profiles.add')}
      </button>
    </>
  );
}
