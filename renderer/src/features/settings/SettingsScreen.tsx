import { useState } from 'react';
import { clearRecentLockIds, useAnyRecentLockIds } from '../locks/useRecentLockIds';
import { type MessageKey, setLanguagePreference, systemLocale, t } from '../../i18n';
import { LOCALES, type Locale } from '../../i18n/locale';
import { setSettings, useSettings } from './settingsStore';
import { type LanguagePreference, THEME_PREFERENCES, type ThemePreference } from './settingsStorage';
import { TIME_ZONE_CHOICES, type TimeZoneChoice } from '../../lib/dateTime';
import { displayTime, displayZone } from './displayTime';
import './settings.css';

export interface SettingsScreenProps {
  onShowShortcuts: () => void;
}

/** Each language is named in itself, so whoever reads it can find their own. */
const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = { en: 'English', 'zh-CN': '简体中文' };
const LANGUAGE_CHOICES: readonly LanguagePreference[] = ['system', ...LOCALES];

const THEME_LABELS: Readonly<Record<ThemePreference, MessageKey>> = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
};

const TIME_ZONE_LABELS: Readonly<Record<TimeZoneChoice, MessageKey>> = {
  local: 'settings.time.local',
  utc: 'settings.time.utc',
};

function LanguageLabel({ choice }: { choice: LanguagePreference }) {
  if (choice === 'system') {
    const system = systemLocale();
    return (
      <span className="radio-title">
        {t('settings.language.system')}{' '}
        <span className="settings-aside">
          (<span lang={system}>{LANGUAGE_NAMES[system]}</span>)
        </span>
      </span>
    );
  }
  return (
    <span className="radio-title" lang={choice}>
      {LANGUAGE_NAMES[choice]}
    </span>
  );
}

export function SettingsScreen({ onShowShortcuts }: SettingsScreenProps) {
  const current = useSettings();
  const anyRecent = useAnyRecentLockIds();
  const [notice, setNotice] = useState('');

  return (
    <div className="page">
      <div className="page-head">
        <h1 id="settings-title" className="page-title">
          {t('settings.title')}
        </h1>
        <p className="page-subtitle">{t('settings.subtitle')}</p>
      </div>
      <section className="panel form settings-panel" aria-labelledby="settings-title">
        <fieldset className="group">
          <legend className="group-title">{t('settings.language')}</legend>
          <div className="field radio-group">
            {LANGUAGE_CHOICES.map((choice) => (
              <label key={choice} className="radio">
                <input
                  type="radio"
                  name="settings-language"
                  value={choice}
                  checked={current.language === choice}
                  onChange={() => setLanguagePreference(choice)}
                />
                <LanguageLabel choice={choice} />
              </label>
            ))}
          </div>
          <p className="field-help">{t('settings.language.help')}</p>
        </fieldset>

        <fieldset className="group">
          <legend className="group-title">{t('settings.theme')}</legend>
          <div className="field radio-group">
            {THEME_PREFERENCES.map((choice) => (
              <label key={choice} className="radio">
                <input
                  type="radio"
                  name="settings-theme"
                  value={choice}
                  checked={current.theme === choice}
                  onChange={() => setSettings({ theme: choice })}
                />
                <span className="radio-title">{t(THEME_LABELS[choice])}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <fieldset className="group">
          <legend className="group-title">{t('settings.time')}</legend>
          <div className="field radio-group">
            {TIME_ZONE_CHOICES.map((choice) => (
              <label key={choice} className="radio">
                <input
                  type="radio"
                  name="settings-time-zone"
                  value={choice}
                  checked={current.timeZone === choice}
                  onChange={() => setSettings({ timeZone: choice })}
                />
                <span className="radio-title">
                  {t(TIME_ZONE_LABELS[choice])}
                  {choice === 'local' && <span className="settings-aside"> ({displayZone(choice)})</span>}
                </span>
              </label>
            ))}
          </div>
          <p className="field-help">
            {t('settings.time.help', { example: displayTime(new Date(), current.timeZone).text })}
          </p>
        </fieldset>

        <section className="group" aria-labelledby="settings-recent-title">
          <h2 id="settings-recent-title" className="group-title">
            {t('settings.recent')}
          </h2>
          <p className="field-help">{t('settings.recent.help')}</p>
          <div className="actions">
            <button
              type="button"
              className="button"
              disabled={!anyRecent}
              onClick={() => {
                clearRecentLockIds();
                setNotice(t('settings.recent.cleared'));
              }}
            >
              {t('settings.recent.clear')}
            </button>
            <span className="copy-note" role="status">
              {notice || (anyRecent ? '' : t('settings.recent.none'))}
            </span>
          </div>
        </section>

        <section className="group" aria-labelledby="settings-shortcuts-title">
          <h2 id="settings-shortcuts-title" className="group-title">
            {t('settings.shortcuts')}
          </h2>
          <p className="field-help">{t('settings.shortcuts.help')}</p>
          <div className="actions">
            <button type="button" className="button" onClick={onShowShortcuts}>
              {t('settings.shortcuts.show')}
            </button>
          </div>
        </section>
      </section>
    </div>
  );
}
