import { EXIT, type ExitCode } from './exitCodes';

/** A failure the CLI explains in one message and ends with the given exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The command line itself is wrong; the message is followed by a pointer to --help. */
export class UsageError extends CliError {
  constructor(
    message: string,
    /** The command whose help to point at, e.g. "release" or "secret set". */
    readonly command?: string,
  ) {
    super(message, EXIT.usage);
    this.name = 'UsageError';
  }
}
