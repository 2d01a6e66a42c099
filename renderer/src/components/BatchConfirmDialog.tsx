import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { formatCount } from '../lib/batchFormat';
import { hostOf } from '../lib/hostOf';
import { ConfirmDialog } from './ConfirmDialog';

export type BatchKind = 'start' | 'retry' | 'rest';

export interface BatchConfirmDialogProps {
  kind: BatchKind;
  count: number;
  concurrency: number;
  profile: Profile;
  onConfirm: () => void;
  onCancel: () => void;
}

function title(kind: BatchKind, count: number): string {
  const params = { count: formatCount(count) };
  const one = count === 1;
  if (kind === 'retry') return t(one ? 'batch.confirm.retryTitle.one' : 'batch.confirm.retryTitle.other', params);
  if (kind === 'rest') return t(one ? 'batch.confirm.restTitle.one' : 'batch.confirm.restTitle.other', params);
  return t(one ? 'batch.confirm.title.one' : 'batch.confirm.title.other', params);
}

/** One confirmation for a whole batch: how many locks, where, as whom. */
export function BatchConfirmDialog({
  kind,
  count,
  concurrency,
  profile,
  onConfirm,
  onCancel,
}: BatchConfirmDialogProps) {
  const params = { count: formatCount(count) };
  return (
    <ConfirmDialog
      title={title(kind, count)}
      confirmLabel={t(count === 1 ? 'batch.confirm.action.one' : 'batch.confirm.action.other', params)}
      tone="danger"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>{t('batch.confirm.body', { concurrency })}</p>
      <dl className="details details--compact">
        <div className="details-row">
          <dt>{t('batch.confirm.count')}</dt>
          <dd className="strong">{formatCount(count)}</dd>
        </div>
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
        <div className="details-row">
          <dt>{t('batch.confirm.concurrency')}</dt>
          <dd>{concurrency}</dd>
        </div>
      </dl>
    </ConfirmDialog>
  );
}
