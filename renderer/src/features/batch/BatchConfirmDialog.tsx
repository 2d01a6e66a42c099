import { useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import { t, tCount } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import { environmentName, isProduction } from '../../lib/environment';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TargetDetails } from '../../components/TargetDetails';
import { TextField } from '../../components/TextField';

export type BatchKind = 'start' | 'retry' | 'rest';

/** A Production batch above this many rows asks to type the count before it can be sent. */
const PRODUCTION_TYPED_COUNT_ABOVE = 50;

export interface BatchConfirmDialogProps {
  kind: BatchKind;
  count: number;
  /** How many different users the rows act for. */
  users: number;
  /** The user when there is only one. */
  onlyUser: string | null;
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

/** One confirmation for a whole batch: how many locks, for how many users, where. */
export function BatchConfirmDialog({
  kind,
  count,
  users,
  onlyUser,
  concurrency,
  profile,
  onConfirm,
  onCancel,
}: BatchConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const params = { count: formatCount(count) };
  const production = isProduction(profile);
  const mustType = production && count > PRODUCTION_TYPED_COUNT_ABOVE;
  const typedOk = !mustType || typed.replace(/[\s,.\u00a0]/g, '') === String(count);
  return (
    <ConfirmDialog
      title={title(kind, count)}
      confirmLabel={tCount('batch.confirm.action', count, params)}
      tone="danger"
      onConfirm={() => {
        if (typedOk) onConfirm();
      }}
      onCancel={onCancel}
      initialFocus={production ? 'cancel' : 'confirm'}
      confirmDisabled={!typedOk}
    >
      {production && (
        <p className="env-warning">{t('confirm.production', { environment: environmentName('production') })}</p>
      )}
      <p>{t('batch.confirm.body', { concurrency })}</p>
      <dl className="details details--compact">
        <div className="details-row">
          <dt>{t('batch.confirm.count')}</dt>
          <dd className="strong">{formatCount(count)}</dd>
        </div>
        <TargetDetails profile={profile} />
        <div className="details-row">
          <dt>{t('batch.confirm.users')}</dt>
          <dd className={onlyUser ? 'mono' : undefined}>
            {onlyUser ?? t('batch.confirm.usersCount', { count: formatCount(users) })}
          </dd>
        </div>
        <div className="details-row">
          <dt>{t('batch.confirm.concurrency')}</dt>
          <dd>{concurrency}</dd>
        </div>
      </dl>
      {mustType && (
        <TextField
          id="batch-confirm-count"
          label={t('batch.confirm.typeCount', params)}
          value={typed}
          onChange={setTyped}
          inputMode="numeric"
          help={t('batch.confirm.typeCount.help', { environment: environmentName('production') })}
        />
      )}
    </ConfirmDialog>
  );
}
