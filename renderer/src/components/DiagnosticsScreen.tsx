import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';

export interface DiagnosticsScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
}

export function DiagnosticsScreen({ profile }: DiagnosticsScreenProps) {
  return (
    <section className="screen" aria-labelledby="diagnostics-title">
      <h1 id="diagnostics-title">{t('nav.diagnostics')}</h1>
      <p>{profile.name}</p>
    </section>
  );
}
