import type { Handlers } from '../../shared/contract';
import { AppError } from './appError';
import type { AppServices } from './appServices';

export type DiagnosticsMethod = 'previewRequest' | 'checkClock' | 'checkConnection';

// Placeholder until the diagnostics feature lands: every call answers with a clear, typed error.
export function createDiagnosticsHandlers(services: AppServices): Pick<Handlers, DiagnosticsMethod> {
  void services;
  const unavailable = async (): Promise<never> => {
    throw new AppError('internal', 'Diagnostics are not available in this build.');
  };
  return { previewRequest: unavailable, checkClock: unavailable, checkConnection: unavailable };
}
