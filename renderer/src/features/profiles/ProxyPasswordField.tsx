import { useEffect, useState } from 'react';
import type { ProxyPasswordStatus } from '../../../../shared/contract';
import type { IpcResult } from '../../../../shared/ipcResult';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { asChange, createStatusReadOrder } from './statusReadOrder';

export interface ProxyPasswordFieldProps {
  profileId: string;
  /** The saved profile's proxy ('' for none): the default proxy the password is for. Remount (key) when it changes. */
  proxyUrl: string;
  /** Told whether a password is stored when the first status arrives (a stable callback: a new one asks again). */
  onStoredKnown?: (stored: boolean) => void;
}

/**
 * The profile's proxy user name and password, kept in the keychain for one proxy origin. Write-only:
 * the password goes to main once and never comes back; only "stored for … as …" is shown.
 */
export function ProxyPasswordField({ profileId, proxyUrl, onStoredKnown }: ProxyPasswordFieldProps) {
  const { value: status, error, busy, run, settle } = useIpcCall<ProxyPasswordStatus>({ keepValueOnError: true });
  const [forProxy, setForProxy] = useState(proxyUrl);
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [order] = useState(createStatusReadOrder);

  useEffect(() => {
    let current = true;
    const mayShow = order.readSent();
    void lockAdmin()
      .proxyPasswordStatus({ profileId })
      .then((result) => {
        if (!current || !mayShow()) return;
        settle(result);
        if (result.ok) onStoredKnown?.(result.value.stored);
      });
    return () => {
      current = false;
    };
  }, [profileId, settle, onStoredKnown, order]);

  const change = (call: () => Promise<IpcResult<ProxyPasswordStatus>>) => asChange(order, () => run(call));

  async function store() {
    const proxy = forProxy.trim();
    const result = await change(() =>
      lockAdmin().setProxyPassword({ profileId, user, password, ...(proxy === '' ? {} : { proxyUrl: proxy }) }),
    );
    if (result.ok) setPassword('');
  }

  const stored = status?.stored === true;
  return (
    <div className="field" role="group" aria-labelledby="profile-proxyPassword-title">
      <div className="field-label-row">
        <span id="profile-proxyPassword-title" className="field-label">
          {t('proxyPassword.title')}
        </span>
        <span id="profile-proxyPassword-status" className="field-help" role="status">
          {stored
            ? t('proxyPassword.stored', { user: status.user ?? '', proxy: status.proxy ?? '' })
            : t('proxyPassword.notStored')}
        </span>
        {stored && (
          <button
            type="button"
            className="button button--quiet button--small"
            disabled={busy}
            onClick={() => void change(() => lockAdmin().clearProxyPassword({ profileId }))}
          >
            {t('proxyPassword.remove')}
          </button>
        )}
      </div>
      <TextField
        id="profile-proxyPassword-proxy"
        label={t('proxyPassword.proxy')}
        value={forProxy}
        onChange={setForProxy}
        type="url"
        inputMode="url"
        placeholder="http://proxy.example.com:3128"
        mono
      />
      <TextField
        id="profile-proxyPassword-user"
        label={t('proxyPassword.user')}
        value={user}
        onChange={setUser}
        autoComplete="off"
      />
      <TextField
        id="profile-proxyPassword-password"
        label={t('proxyPassword.password')}
        value={password}
        onChange={setPassword}
        type="password"
        autoComplete="off"
        help={t('proxyPassword.help')}
      />
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy || user === '' || password === ''}
          onClick={() => void store()}
        >
          {t('proxyPassword.store')}
        </button>
      </div>
      {error && <ErrorAlert error={error} />}
    </div>
  );
}
