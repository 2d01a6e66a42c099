import type { IpcError } from '../../../shared/contract';
import { t } from '../i18n';
import { Icon } from './Icon';

/** A failed call to main, in the words main chose (never containing a secret). */
export function ErrorAlert({ error, onDismiss }: { error: IpcError; onDismiss?: () => void }) {
  return (
    <div className="alert alert--error" role="alert">
      <Icon name="alert" className="alert-icon" />
      <div className="alert-body">
        <p className="alert-title">{t(`ipcError.${error.code}`)}</p>
        <p className="alert-text">{error.message}</p>
      </div>
      {onDismiss && (
        <button type="button" className="button button--quiet button--small" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
