import { t } from '../i18n';
import { VIEWS, type View } from '../lib/view';
import { Icon } from './Icon';

export function AppHeader({ view, onNavigate }: { view: View; onNavigate: (view: View) => void }) {
  return (
    <header className="app-header">
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
    </header>
  );
}
