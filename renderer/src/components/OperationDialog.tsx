import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { hostOf } from '../lib/hostOf';
import type { OperationRequest } from '../lib/operation';
import { ConfirmDialog } from './ConfirmDialog';

export interface OperationDialogProps {
  request: OperationRequest;
  profile: Profile;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Names exactly what is about to happen, where, and as whom, before anything is sent. */
export function OperationDialog({ request, profile, onConfirm, onCancel }: OperationDialogProps) {
  const { operation } = request;
  return (
    <ConfirmDialog
      title={t(`confirm.${operation}.title`)}
      confirmLabel={t(`confirm.${operation}.action`)}
      tone={operation === 'release' ? 'danger' : 'primary'}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t(`confirm.${operation}.body`)}</p>
      <dl className="details details--compact">
        <div className="details-row">
          <dt>{t('confirm.profile')}</dt>
          <dd>{profile.name}</dd>
        </div>
        <div className="details-row">
          <dt>{t('confirm.host')}</dt>
          <dd className="mono">{hostOf(profile.baseUrl)}</dd>
        </div>
        <div className="details-row">
          <dt>{t('confirm.userId')}</dt>
          <dd className="mono">{profile.userId}</dd>
        </div>
        {request.operation === 'create' ? (
          <div className="details-row">
            <dt>{t('confirm.moduleCode')}</dt>
            <dd className="mono">{request.moduleCode}</dd>
          </div>
        ) : (
          <div className="details-row">
            <dt>{t('confirm.lockId')}</dt>
            <dd className="mono strong">{request.lockId}</dd>
          </div>
        )}
      </dl>
    </ConfirmDialog>
  );
}
