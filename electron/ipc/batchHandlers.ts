import type { Handlers } from '../../shared/contract';
import { AppError } from './appError';
import type { AppServices } from './appServices';

export type BatchMethod = 'startBatch' | 'batchStatus' | 'cancelBatch';

// Placeholder until the batch feature lands: every call answers with a clear, typed error.
export function createBatchHandlers(services: AppServices): Pick<Handlers, BatchMethod> {
  void services;
  const unavailable = async (): Promise<never> => {
    throw new AppError('internal', 'Batch release is not available in this build.');
  };
  return { startBatch: unavailable, batchStatus: unavailable, cancelBatch: unavailable };
}
