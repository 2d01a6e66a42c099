import type { SecretStatus } from '../../../../shared/contract';
import type { AuthMode } from '../../../../shared/profile';
import { t } from '../../i18n';
import { SecretBadge } from '../../components/SecretBadge';

export interface SecretFieldProps {
  authMode: AuthMode;
  value: string;
  onChange: (value: string) => void;
  status: SecretStatus | null;
  busy: boolean;
  onRemove: () => void;
}

/** Write-only: a typed secret goes to the keychain on save and is never read back or shown. */
export function SecretField({ authMode, value, onChange, status, busy, onRemove }: SecretFieldProps) {
  const stored = status?.stored === true;
  return (
    <div className="field">
      <div className="field-label-row">
        <label className="field-label" htmlFor="profile-secret">
          {t(`secret.label.${authMode}`)}
        </label>
        <SecretBadge id="profile-secret-status" status={status} />
        {stored && (
          <button type="button" className="button button--quiet button--small" onClick={onRemove} disabled={busy}>
            {t('secret.remove')}
          </button>
        )}
      </div>
      <input
        id="profile-secret"
        className="input input--mono"
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        placeholder={stored ? t('secret.placeholder.replace') : t('secret.placeholder.new')}
        aria-describedby="profile-secret-status profile-secret-help"
      />
      <p id="profile-secret-help" className="field-help">
        {t('secret.help')}
      </p>
    </div>
  );
}
