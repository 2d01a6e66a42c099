import { type Environment, type Profile, defaultEnvironment } from '../../../shared/profile';
import { t } from '../i18n';

/** The profile's environment tag (a profile saved before tags existed gets the one of its host). */
export function environmentOf(profile: Pick<Profile, 'environment' | 'baseUrl'>): Environment {
  return profile.environment ?? defaultEnvironment(profile.baseUrl);
}

export function environmentName(environment: Environment): string {
  return t(`environment.${environment}`);
}

export function isProduction(profile: Pick<Profile, 'environment' | 'baseUrl'>): boolean {
  return environmentOf(profile) === 'production';
}
