import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { environmentName, environmentOf } from '../lib/environment';
import '../styles/environment.css';

/** Where actions go: a band across the window in the environment's colour, with its name and the profile's. */
export function EnvironmentBand({ profile }: { profile: Pick<Profile, 'name' | 'environment' | 'baseUrl'> }) {
  const environment = environmentOf(profile);
  return (
    <p className={`env-band env-band--${environment}`} data-environment={environment}>
      <span className="env-band-name">{environmentName(environment)}</span>
      <span className="env-band-profile">{t('environment.profile', { profile: profile.name })}</span>
    </p>
  );
}

/** The environment's name as a small coloured tag, for confirmations and results. */
export function EnvironmentTag({ profile }: { profile: Pick<Profile, 'environment' | 'baseUrl'> }) {
  const environment = environmentOf(profile);
  return <span className={`env-tag env-tag--${environment}`}>{environmentName(environment)}</span>;
}
