import type { SecretStatus } from '../../../shared/contract';
import { t } from '../i18n';
import { Icon } from './Icon';

/** What the last call of this session said about the stored secret ("last accepted 14:57"). */
export interface SecretLastOutcome {
  text: string;
  refused: boolean;
}

export interface SecretBadgeProps {
  status: SecretStatus | null;
  id?: string;
  lastOutcome?: SecretLastOutcome;
}

export function SecretBadge({ status, id, lastOutcome }: SecretBadgeProps) {
  if (!status) {
    return (
      <span id={id} className="badge badge--neutral">
        <Icon name="key" />
        {t('secret.badge.unknown')}
      </span>
    );
  }
  if (status.keychain) {
    return (
      <span id={id} className="badge badge--warn">
        <Icon name="key" />
        {t(status.keychain === 'locked' ? 'secret.badge.keychainLocked' : 'secret.badge.keychainUnavailable')}
      </span>
    );
  }
  if (status.stored && status.destinationChanged) {
    return (
      <span id={id} className="badge badge--warn">
        <Icon name="key" />
        {t('secret.badge.otherDestination')}
      </span>
    );
  }
  const outcome = status.stored ? lastOutcome : undefined;
  return (
    <span id={id} className={status.stored && !outcome?.refused ? 'badge badge--ok' : 'badge badge--warn'}>
      <Icon name="key" />
      {status.stored ? t('secret.badge.stored', { store: status.store }) : t('secret.badge.none')}
      {outcome && <span> · {outcome.text}</span>}
    </span>
  );
}
