import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { environmentOf } from '../lib/environment';
import { VIEWS, type View } from '../lib/view';
import { EnvironmentBadge } from './EnvironmentBadge';
import { Icon } from './Icon';

export interface AppHeaderProps {
  view: View;
  onNavigate: (view: View) => void;
  /** The active profile, whose environment is shown on every screen; null before there is one. */
  profile: Profile | null;
}

export function AppHeader({ view, onNavigate, profile }: AppHeaderProps) {
  const band = profile ? ` app-header--${environmentOf(profile)}` : '';
  return (
    <header className={`app-header${band}`}>
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
      {profile && <EnvironmentBadge profile={profile} />}
    </header>
  );
}
