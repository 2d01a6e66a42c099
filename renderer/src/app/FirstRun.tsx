import type { IpcError } from '../../../shared/contract';
import { t } from '../i18n';
import { ErrorAlert } from '../components/ErrorAlert';
import { Icon } from '../components/Icon';

export interface FirstRunProps {
  sandboxBusy: boolean;
  error: IpcError | null;
  onTrySandbox: () => void;
  onAddProfile: () => void;
}

export function FirstRun({ sandboxBusy, error, onTrySandbox, onAddProfile }: FirstRunProps) {
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="first-run-intro">
        <Icon name="lock" className="first-run-icon" />
        <h1 id="first-run-title" className="page-title">
          {t('firstRun.title')}
        </h1>
        <p className="lead">{t('firstRun.what')}</p>
        <p className="lead">{t('firstRun.secret')}</p>
      </div>
      {error && <ErrorAlert error={error} />}
      <div className="choices">
        <div className="choice">
          <Icon name="server" className="choice-icon" />
          <h2 className="choice-title">{t('firstRun.sandbox.title')}</h2>
          <p className="choice-text">{t('firstRun.sandbox.text')}</p>
          <button type="button" className="button button--primary" onClick={onTrySandbox} disabled={sandboxBusy}>
            {sandboxBusy ? t('firstRun.sandbox.starting') : t('firstRun.sandbox.action')}
          </button>
        </div>
        <div className="choice">
          <Icon name="user" className="choice-icon" />
          <h2 className="choice-title">{t('firstRun.profile.title')}</h2>
          <p className="choice-text">{t('firstRun.profile.text')}</p>
          <button type="button" className="button" onClick={onAddProfile} disabled={sandboxBusy}>
            {t('firstRun.profile.action')}
          </button>
        </div>
      </div>
    </section>
  );
}
