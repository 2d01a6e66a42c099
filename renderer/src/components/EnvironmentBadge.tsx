import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { environmentName, environmentOf } from '../lib/environment';
import '../styles/environment.css';

/** Where actions go: the environment tag in its colour, and the profile's name. */
export function EnvironmentBadge({ profile }: { profile: Pick<Profile, 'name' | 'environment' | 'baseUrl'> }) {
  const environment = environmentOf(profile);
  return (
    <p className={`env-badge env-badge--${environment}`} data-environment={environment}>
      <span className="env-badge-name">{environmentName(environment)}</span>
      <span className="env-badge-profile">{t('environment.profile', { profile: profile.name })}</span>
    </p>
  );
}

/** The environment's name as a small coloured tag, for confirmations and results. */
export function EnvironmentTag({ profile }: { profile: Pick<Profile, 'environment' | 'baseUrl'> }) {
  const environment = environmentOf(profile);
  return <span className={`env-tag env-tag--${environment}`}>{environmentName(environment)}</span>;
}
