import type { SandboxState } from './useSandbox';
import { t } from '../../i18n';
import { hostOf } from '../../lib/hostOf';
import { Icon } from '../../components/Icon';

/** Shown while the Sandbox profile is selected: where the sandbox runs, and a way to start or stop it. */
export function SandboxBar({ sandbox, disabled }: { sandbox: SandboxState; disabled: boolean }) {
  const { info } = sandbox;
  const running = info?.running === true && info.baseUrl !== null;
  return (
    <div className="note-row">
      <Icon name="server" />
      <p className="note-row-text">
        {running && info?.baseUrl ? t('sandbox.running', { host: hostOf(info.baseUrl) }) : t('sandbox.stopped')}
      </p>
      <button
        type="button"
        className="button button--small"
        disabled={disabled || sandbox.busy}
        onClick={() => void (running ? sandbox.stop() : sandbox.start())}
      >
        {running ? t('sandbox.stop') : t('sandbox.start')}
      </button>
    </div>
  );
}
