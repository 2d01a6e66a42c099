import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { hostOf } from '../lib/hostOf';
import { EnvironmentTag } from './EnvironmentBand';

/** The first rows of every confirmation: which environment, profile and host a request goes to. */
export function TargetDetails({ profile }: { profile: Profile }) {
  return (
    <>
      <div className="details-row">
        <dt>{t('confirm.environment')}</dt>
        <dd>
          <EnvironmentTag profile={profile} />
        </dd>
      </div>
      <div className="details-row">
        <dt>{t('confirm.profile')}</dt>
        <dd>{profile.name}</dd>
      </div>
      <div className="details-row">
        <dt>{t('confirm.host')}</dt>
        <dd className="mono">{hostOf(profile.baseUrl)}</dd>
      </div>
    </>
  );
}
