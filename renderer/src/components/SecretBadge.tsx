import type { SecretStatus } from '../../../shared/contract';
import { t } from '../i18n';
import { Icon } from './Icon';

export function SecretBadge({ status, id }: { status: SecretStatus | null; id?: string }) {
  if (!status) {
    return (
      <span id={id} className="badge badge--neutral">
        <Icon name="key" />
        {t('secret.badge.unknown')}
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
  return (
    <span id={id} className={status.stored ? 'badge badge--ok' : 'badge badge--warn'}>
      <Icon name="key" />
      {status.stored ? t('secret.badge.stored', { store: status.store }) : t('secret.badge.none')}
    </span>
  );
}
