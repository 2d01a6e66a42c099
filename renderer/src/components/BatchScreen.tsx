import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';

export interface BatchScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
}

export function BatchScreen({ profile }: BatchScreenProps) {
  return (
    <section className="screen" aria-labelledby="batch-title">
      <h1 id="batch-title">{t('nav.batch')}</h1>
      <p>{profile.name}</p>
    </section>
  );
}
