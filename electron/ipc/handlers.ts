import type { Handlers } from '../../shared/contract';
import type { HandlerServices } from './handlerServices';
import { createBatchHandlers } from './batchHandlers';
import { createCoreHandlers } from './coreHandlers';
import { createDiagnosticsHandlers } from './diagnosticsHandlers';
import { createHistoryHandlers } from './historyHandlers';
import { createProxyPasswordHandlers } from './proxyPasswordHandlers';
import { createRecordHandlers } from './recordHandlers';
import { createWindowHandlers } from './windowHandlers';

/** The implementation of every method of the contract, one feature file each. */
export function createHandlers(services: HandlerServices): Handlers {
  return {
    ...createCoreHandlers(services),
    ...createProxyPasswordHandlers(services),
    ...createBatchHandlers(services),
    ...createHistoryHandlers(services),
    ...createDiagnosticsHandlers(services),
    ...createRecordHandlers(services),
    ...createWindowHandlers(services),
  };
}
