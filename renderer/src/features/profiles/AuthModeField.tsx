import type { AuthMode } from '../../../../shared/profile';
import { AUTH_MODES } from '../../../../shared/profile';
import { t } from '../../i18n';

export function AuthModeField({ value, onChange }: { value: AuthMode; onChange: (mode: AuthMode) => void }) {
  return (
    <fieldset className="field radio-group">
      <legend className="field-label">{t('profile.authMode')}</legend>
      {AUTH_MODES.map((mode) => (
        <label key={mode} className="radio">
          <input
            type="radio"
            name="profile-auth-mode"
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
          />
          <span>
            <span className="radio-title">{t(`profile.authMode.${mode}`)}</span>
            <span className="radio-help">{t(`profile.authMode.${mode}.help`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
