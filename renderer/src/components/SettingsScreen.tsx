import { t } from '../i18n';

export function SettingsScreen() {
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('nav.settings')}</h1>
    </section>
  );
}
