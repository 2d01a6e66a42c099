import { useEffect, useState } from 'react';
import type { AuditIntegrity } from '../../../../shared/history';
import { lockAdmin } from '../../api/lockAdmin';
import { t } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import { Icon } from '../../components/Icon';

/** Whether the audit log's hash chain is intact, checked again on every refresh. */
export function AuditIntegrityBadge({ reloadCount }: { reloadCount: number }) {
  const [integrity, setIntegrity] = useState<AuditIntegrity | null>(null);

  useEffect(() => {
    let current = true;
    void lockAdmin()
      .verifyAudit()
      .then((reply) => {
        if (current) setIntegrity(reply.ok ? reply.value : null);
      });
    return () => {
      current = false;
    };
  }, [reloadCount]);

  if (!integrity) return null;
  if (integrity.intact) {
    return (
      <span className="badge badge--ok" role="status" title={t('history.audit.intact.help')}>
        <Icon name="check" />
        {t('history.audit.intact', { count: formatCount(integrity.entries) })}
      </span>
    );
  }
  return (
    <span className="badge badge--warn" role="status">
      <Icon name="alert" />
      {t('history.audit.broken', { where: integrity.brokenAt, problem: integrity.problem })}
    </span>
  );
}
