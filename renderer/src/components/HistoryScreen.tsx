import { t } from '../i18n';

export function HistoryScreen() {
  return (
    <section className="screen" aria-labelledby="history-title">
      <h1 id="history-title">{t('nav.history')}</h1>
    </section>
  );
}
