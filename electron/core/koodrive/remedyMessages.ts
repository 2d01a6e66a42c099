/**
 * The sentence shown with every result, as a message (docs/renderer.md#messages-from-main-keys-and-parameters):
 * what happened and what a support engineer does next. Each returns exactly one sentence. None of them may
 * take a header value or secret as a parameter.
 */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import type { AuthMode } from '../../../shared/profile';
import type { OperationDescriptor } from './operation';
import type { SignatureComparison, SigningEcho } from './signatureEcho';

/** OpenSSL's verdicts when the other side does not speak TLS at all (nodeErrors.ts gives them these codes). */
export const PLAIN_HTTP_CODES: ReadonlySet<string> = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
]);

function codeNote(code: string | null, httpStatus: number | null): Message {
  if (code !== null) return message('note.code', { code });
  return httpStatus === null ? message('note.noAnswer') : message('note.status', { status: httpStatus });
}

export const remedyMessages = {
  success(operation: OperationDescriptor): Message {
    return operation.success;
  },

  auth(authMode: AuthMode | undefined, forbidden: boolean): Message {
    if (forbidden) return message('remedy.auth.forbidden');
    if (authMode === 'bearer') return message('remedy.auth.bearer');
    if (authMode === 'app') return message('remedy.auth.app');
    return message('remedy.auth.unknown');
  },

  /** A refused signature whose answer says what the server signed (signatureEcho.ts). */
  signature(comparison: SignatureComparison, form: SigningEcho['form']): Message {
    if (comparison.same) return message('remedy.signature.matches', { field: comparison.field, hash: comparison.ours });
    const compared =
      form === 'string-to-sign-sha256'
        ? message('remedy.signature.stringToSign')
        : message('remedy.signature.canonicalRequest');
    return message('remedy.signature.differs', {
      field: comparison.field,
      compared,
      server: comparison.server,
      ours: comparison.ours,
    });
  },

  clock(skewMs: number | null): Message {
    if (skewMs === null) return message('remedy.clock.unmeasured');
    const seconds = Math.round(Math.abs(skewMs) / 1000);
    const amount =
      seconds < 120
        ? message('amount.seconds', { count: seconds })
        : message('amount.minutes', { count: Math.round(seconds / 60) });
    const direction = skewMs > 0 ? message('direction.ahead') : message('direction.behind');
    return message('remedy.clock.skew', { amount, direction });
  },

  notFound(operation: OperationDescriptor): Message {
    return operation.notFound;
  },

  conflict(operation: OperationDescriptor, code: string | null, httpStatus: number | null): Message {
    return operation.conflict(codeNote(code, httpStatus));
  },

  throttled(retryAfterSeconds: number | null): Message {
    const wait =
      retryAfterSeconds === null
        ? message('wait.aboutAMinute')
        : message('wait.retryAfter', { seconds: retryAfterSeconds });
    return message('remedy.throttled', { wait });
  },

  server(operation: OperationDescriptor, code: string | null, httpStatus: number | null): Message {
    const note = codeNote(code, httpStatus);
    const { changes } = operation;
    if (!changes) return message('remedy.server.readOnly', { note });
    return message('remedy.server.changes', { note, ...changes });
  },

  gatewayPage(operation: OperationDescriptor, httpStatus: number): Message {
    const { changes } = operation;
    if (!changes) return message('remedy.gatewayPage.readOnly', { status: httpStatus });
    return message('remedy.gatewayPage.changes', { status: httpStatus, ...changes });
  },

  invalidParameters(operation: OperationDescriptor, code: string | null): Message {
    return message('remedy.invalidParameters', { note: codeNote(code, null), parameters: operation.parameters });
  },

  unknownRoute(code: string | null, httpStatus: number | null): Message {
    return message('remedy.unknownRoute', { note: codeNote(code, httpStatus) });
  },

  notKooDrive(httpStatus: number): Message {
    return message('remedy.notKooDrive', { status: httpStatus });
  },

  redirected(httpStatus: number): Message {
    return message('remedy.redirected', { status: httpStatus });
  },

  tooLarge(): Message {
    return message('remedy.tooLarge');
  },

  malformedHttp(): Message {
    return message('remedy.malformedHttp');
  },

  dns(): Message {
    return message('remedy.dns');
  },

  proxyAuth(): Message {
    return message('remedy.proxyAuth');
  },

  proxyDecision(): Message {
    return message('remedy.proxyDecision');
  },

  proxyUnreachable(): Message {
    return message('remedy.proxyUnreachable');
  },

  proxyRefused(): Message {
    return message('remedy.proxyRefused');
  },

  network(): Message {
    return message('remedy.network');
  },

  reset(operation: OperationDescriptor): Message {
    const { changes } = operation;
    return changes ? message('remedy.reset.changes', { ...changes }) : message('remedy.reset.readOnly');
  },

  tls(causeCode: string | undefined): Message {
    if (causeCode !== undefined && PLAIN_HTTP_CODES.has(causeCode))
      return message('remedy.tls.plainHttp', { code: causeCode });
    if (causeCode === 'ERR_TLS_CERT_ALTNAME_INVALID') return message('remedy.tls.otherHost');
    if (causeCode === 'CERT_HAS_EXPIRED' || causeCode === 'CERT_NOT_YET_VALID')
      return message('remedy.tls.notValidNow', { code: causeCode });
    return causeCode ? message('remedy.tls.untrustedCode', { code: causeCode }) : message('remedy.tls.untrusted');
  },

  timeout(operation: OperationDescriptor): Message {
    const { changes } = operation;
    return changes ? message('remedy.timeout.changes', { ...changes }) : message('remedy.timeout.readOnly');
  },

  cancelled(operation: OperationDescriptor): Message {
    const { changes } = operation;
    return changes ? message('remedy.cancelled.changes', { ...changes }) : message('remedy.cancelled.readOnly');
  },
};
