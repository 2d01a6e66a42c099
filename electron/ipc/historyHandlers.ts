import path from 'node:path';
import type { Handlers } from '../../shared/contract';
import { AuditLogError } from '../core/audit/auditLogError';
import { brokenAt, verifyAuditLog } from '../core/audit/verifyAuditLog';
import { HistoryFilterError, createHistoryIndex } from '../core/history/historyIndex';
import { AppError } from './appError';
import type { HandlerServices } from './handlerServices';

export type HistoryMethod = 'queryHistory' | 'exportHistory' | 'verifyAudit';

/** The audit log as a filterable history, newest first. The index lives as long as the handlers. */
export function createHistoryHandlers(services: HandlerServices): Pick<Handlers, HistoryMethod> {
  const index = createHistoryIndex({ dataDir: path.dirname(services.audit.path) });

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof HistoryFilterError) throw new AppError('invalid-argument', error.message);
      if (error instanceof AuditLogError) throw new AppError('storage', error.message);
      throw error;
    }
  }

  return {
    queryHistory: ({ filter, offset, limit }) =>
      guarded(async () => index.query(filter, offset, limit, await services.profiles.list())),
    exportHistory: ({ filter }) => guarded(async () => index.exportCsv(filter, await services.profiles.list())),
    verifyAudit: () =>
      guarded(async () => {
        const verdict = await verifyAuditLog(path.dirname(services.audit.path));
        if (verdict.intact) return { intact: true, entries: verdict.entries };
        return { intact: false, entries: verdict.entries, brokenAt: brokenAt(verdict), problem: verdict.problem };
      }),
  };
}
