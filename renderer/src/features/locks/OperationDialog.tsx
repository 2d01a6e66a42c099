import type { Profile } from '../../../../shared/profile';
import { t } from '../../i18n';
import { environmentName, isProduction } from '../../lib/environment';
import { moduleNameOfLockId } from '../../lib/moduleName';
import type { OperationRequest } from '../../lib/operation';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TargetDetails } from '../../components/TargetDetails';

export interface OperationDialogProps {
  request: OperationRequest;
  profile: Profile;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Names exactly what is about to happen, where (environment, profile, host), and for which user. */
export function OperationDialog({ request, profile, onConfirm, onCancel }: OperationDialogProps) {
  const { operation } = request;
  const production = isProduction(profile);
  const moduleName = request.operation === 'create' ? null : moduleNameOfLockId(request.lockId);
  return (
    <ConfirmDialog
      title={t(`confirm.${operation}.title`)}
      confirmLabel={t(`confirm.${operation}.action`)}
      tone={operation === 'release' ? 'danger' : 'primary'}
      onConfirm={onConfirm}
      onCancel={onCancel}
      initialFocus={production ? 'cancel' : 'confirm'}
    >
      {production && (
        <p className="env-warning">{t('confirm.production', { environment: environmentName('production') })}</p>
      )}
      <p>{t(`confirm.${operation}.body`)}</p>
      <dl className="details details--compact">
        <TargetDetails profile={profile} />
        <div className="details-row">
          <dt>{t('confirm.userId')}</dt>
          <dd className="mono strong">{request.userId}</dd>
        </div>
        {request.operation === 'create' ? (
          <div className="details-row">
            <dt>{t('confirm.moduleCode')}</dt>
            <dd className="mono">{request.moduleCode}</dd>
          </div>
        ) : (
          <>
            <div className="details-row">
              <dt>{t('confirm.lockId')}</dt>
              <dd className="mono strong">{request.lockId}</dd>
            </div>
            {moduleName && (
              <div className="details-row">
                <dt>{t('confirm.module')}</dt>
                <dd>{moduleName}</dd>
              </div>
            )}
          </>
        )}
      </dl>
    </ConfirmDialog>
  );
}
