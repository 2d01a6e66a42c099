import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { environmentOf } from '../lib/environment';
import { VIEWS, type View } from './view';
import { BatchIndicator } from './BatchIndicator';
import { EnvironmentBand } from '../components/EnvironmentBand';
import { Icon } from '../components/Icon';

export interface AppHeaderProps {
  view: View;
  onNavigate: (view: View) => void;
  /** The active profile, whose environment is shown on every screen; null before there is one. */
  profile: Profile | null;
}

export function AppHeader({ view, onNavigate, profile }: AppHeaderProps) {
  return (
    <header className={profile ? `app-header app-header--${environmentOf(profile)}` : 'app-header'}>
      <div className="brand">
        <Icon name="lock" className="brand-icon" />
        <span className="brand-name">{t('app.title')}</span>
      </div>
      <nav className="nav" aria-label={t('nav.label')}>
        {VIEWS.map((item) => (
          <button
            key={item}
            type="button"
            className="nav-item"
            aria-current={view === item ? 'page' : undefined}
            onClick={() => onNavigate(item)}
          >
            {t(`nav.${item}`)}
          </button>
        ))}
      </nav>
      <BatchIndicator view={view} onOpenBatch={() => onNavigate('batch')} />
      {profile && <EnvironmentBand profile={profile} />}
    </header>
  );
}
