import type { LockResult } from '../../shared/result';

/** The documented exit statuses (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The server answered and refused, or its answer could not be understood. */
  refused: 1,
  /** Usage, validation or configuration problem (including the keychain); nothing was sent. */
  usage: 2,
  /** No usable answer: network, TLS or timeout. */
  network: 3,
  /** An unexpected failure inside the tool (a bug, or e.g. an unwritable audit log). */
  internal: 4,
  /** Interrupted with Ctrl-C: some operations were not sent or were aborted. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const SEVERITY: readonly ExitCode[] = [
  EXIT.ok,
  EXIT.refused,
  EXIT.usage,
  EXIT.network,
  EXIT.internal,
  EXIT.interrupted,
];

/** For a lock result, or any result with the same three fields (a record read). */
export function exitCodeForResult(result: Pick<LockResult, 'ok' | 'kind' | 'httpStatus'>): ExitCode {
  if (result.ok) return EXIT.ok;
  if (result.kind === 'proxy-auth') return EXIT.usage;
  if (result.kind === 'network' || result.kind === 'tls' || result.kind === 'timeout') return EXIT.network;
  if (result.httpStatus !== null || result.kind === 'invalid-response') return EXIT.refused;
  if (result.kind === 'invalid-input' || result.kind === 'destination-changed') return EXIT.usage;
  if (result.kind === 'cancelled') return EXIT.interrupted;
  // Any other failure without an HTTP answer means the server was not reached.
  return EXIT.network;
}

/** The most serious of several statuses: 130 > 4 > 3 > 2 > 1 > 0. */
export function worstExitCode(codes: Iterable<ExitCode>): ExitCode {
  let worst: ExitCode = EXIT.ok;
  for (const code of codes) if (SEVERITY.indexOf(code) > SEVERITY.indexOf(worst)) worst = code;
  return worst;
}
