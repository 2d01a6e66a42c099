import type { MainLog } from './mainLog';

export interface FatalErrorDeps {
  log: MainLog;
  /** dialog.showErrorBox: a plain message box, usable even before the app is ready. */
  showErrorBox: (title: string, content: string) => void;
  process: Pick<NodeJS.Process, 'on'>;
}

const TITLE = 'KooDrive Lock Admin: unexpected error';

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === 'string' ? error : 'an unknown error';
}

/** The plain text a user sees: what happened, that nothing was sent, where the details are. */
function fatalErrorText(error: unknown, logPath: string): string {
  return [
    `Something went wrong inside the app: ${messageOf(error)}`,
    'If an action was running, check its result in History before trying it again.',
    `Details are in the log file: ${logPath}`,
  ].join('\n\n');
}

/**
 * uncaughtException and unhandledRejection become a log entry and a plain message box instead of
 * Electron's dialog with a stack trace. The app keeps running; an error raised while the box is
 * being shown is only logged.
 */
export function handleFatalErrors(deps: FatalErrorDeps): void {
  let showing = false;
  const report = (kind: string) => (error: unknown) => {
    deps.log.write('error', `${kind}:`, messageOf(error));
    if (showing) return;
    showing = true;
    try {
      deps.showErrorBox(TITLE, fatalErrorText(error, deps.log.path));
    } catch {
      // No way left to tell the user; the log has it.
    } finally {
      showing = false;
    }
  };
  deps.process.on('uncaughtException', report('Uncaught exception'));
  deps.process.on('unhandledRejection', report('Unhandled promise rejection'));
}
