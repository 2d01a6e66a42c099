/** The OS notification when a batch ends, in English (electron/main/batchSignalTexts.ts renders it in main). */
export const batchSignalsEn = {
  'batchSignals.title.finished': 'Batch finished',
  'batchSignals.title.cancelled': 'Batch cancelled',
  'batchSignals.title.paused': 'Batch paused: the server stopped answering',
  'batchSignals.title.stopped': 'Batch stopped',
  'batchSignals.body':
    'Profile “{profileName}”: {released} released, {alreadyGone} already gone, {failed} failed, {notSent} not sent.',
} as const;
