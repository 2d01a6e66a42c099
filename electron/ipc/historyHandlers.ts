import type { Handlers } from '../../shared/contract';
import { AppError } from './appError';
import type { AppServices } from './appServices';

export type HistoryMethod = 'queryHistory' | 'exportHistory';

// Placeholder until the history feature lands: every call answers with a clear, typed error.
export function createHistoryHandlers(services: AppServices): Pick<Handlers, HistoryMethod> {
  void services;
  const unavailable = async (): Promise<never> => {
    throw new AppError('internal', 'The history is not available in this build.');
  };
  return { queryHistory: unavailable, exportHistory: unavailable };
}
