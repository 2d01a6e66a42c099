import type { SecretStatus } from '../../../shared/contract';
import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { hostOf } from '../lib/hostOf';
import { EnvironmentTag } from './EnvironmentBand';
import { SecretBadge, type SecretLastOutcome } from './SecretBadge';

export interface ProfilePickerProps {
  profiles: Profile[];
  profile: Profile;
  secret: SecretStatus | null;
  onChange: (profileId: string) => void;
  /** The last outcome of this profile's secret in this session, shown in its badge. */
  secretOutcome?: SecretLastOutcome;
}

export function ProfilePicker({ profiles, profile, secret, onChange, secretOutcome }: ProfilePickerProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor="lock-profile">
        {t('lockForm.profile')}
      </label>
      <select
        id="lock-profile"
        className="input select"
        value={profile.id}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby="lock-profile-facts"
      >
        {profiles.map((item) => (
          <option key={item.id} value={item.id}>
            {item.name}
          </option>
        ))}
      </select>
      <div id="lock-profile-facts" className="facts">
        <span className="fact">
          <span className="fact-label">{t('lockForm.host')}</span>{' '}
          <span className="mono">{hostOf(profile.baseUrl)}</span>
        </span>
        <span className="fact">
          <span className="fact-label">{t('lockForm.environment')}</span>
          <EnvironmentTag profile={profile} />
        </span>
        <SecretBadge status={secret} lastOutcome={secretOutcome} />
      </div>
    </div>
  );
}
