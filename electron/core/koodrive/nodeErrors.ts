/**
 * Maps Node's socket, DNS and TLS errors onto TransportError. Messages are built here from the error
 * code and the target host only, so no header (and therefore no Authorization value) can leak into them.
 */
import { PLAIN_HTTP_CODES } from './remedies';
import { TransportError, type TransportFailure } from './transport';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'EAI_SERVICE']);
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTDOWN',
  'EADDRNOTAVAIL',
  'EADDRINUSE',
  'EACCES',
  'EPERM',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);
const TLS_CODE =
  /^(CERT_|ERR_TLS_|ERR_SSL_|ERR_OSSL_|UNABLE_TO_|ERROR_IN_CERT|CRL_)|SELF_SIGNED|^(INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED|HOSTNAME_MISMATCH|EPROTO)$/;

export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

function failureFor(code: string | undefined): TransportFailure {
  if (code === undefined) return 'network';
  if (DNS_CODES.has(code)) return 'dns';
  if (RESET_CODES.has(code)) return 'reset';
  if (NETWORK_CODES.has(code)) return 'network';
  if (code === 'ETIMEDOUT') return 'timeout';
  if (TLS_CODE.test(code)) return 'tls';
  return 'network';
}

/** TLS reasons from OpenSSL/Node ("certificate has expired", ...) carry no request data; keep them short. */
function tlsReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return message.split('\n')[0].slice(0, 200);
}

/**
 * The OpenSSL code when the peer does not speak TLS (most often plain HTTP on the port); Node sometimes
 * reports it only as EPROTO with OpenSSL's reason in the message.
 */
export function plainHttpCode(code: string | undefined, error: unknown): string | null {
  if (code !== undefined && PLAIN_HTTP_CODES.has(code)) return code;
  if (code !== 'EPROTO') return null;
  const message = error instanceof Error ? error.message : '';
  if (/wrong version number/i.test(message)) return 'ERR_SSL_WRONG_VERSION_NUMBER';
  if (/packet length too long/i.test(message)) return 'ERR_SSL_PACKET_LENGTH_TOO_LONG';
  if (/http request/i.test(message)) return 'ERR_SSL_HTTP_REQUEST';
  return null;
}

/**
 * @param hostname the host the connection was for
 * @param target host[:port] for the message
 */
export function transportErrorFrom(error: unknown, hostname: string, target: string): TransportError {
  if (error instanceof TransportError) return error;
  const code = errorCode(error);
  const failure = failureFor(code);
  const tag = code ?? 'unknown error';
  if (code === 'ERR_INVALID_CHAR' || code === 'ERR_HTTP_INVALID_HEADER_VALUE' || code === 'ERR_INVALID_HTTP_TOKEN') {
    return new TransportError(
      failure,
      `A request header has an invalid name or value (${tag}); nothing was sent.`,
      code,
    );
  }
  if (code?.startsWith('HPE_')) {
    return new TransportError(failure, `The answer from ${target} is not valid HTTP (${tag}).`, code);
  }
  switch (failure) {
    case 'dns':
      return new TransportError(failure, `The host name ${hostname} could not be resolved (${tag}).`, code);
    case 'reset':
      return new TransportError(failure, `The connection to ${target} was closed unexpectedly (${tag}).`, code);
    case 'timeout':
      return new TransportError(failure, `The connection to ${target} timed out (${tag}).`, code);
    case 'tls': {
      const plain = plainHttpCode(code, error);
      if (plain) {
        return new TransportError(
          failure,
          `${target} does not speak TLS: it answered like plain HTTP (${plain}).`,
          plain,
        );
      }
      return new TransportError(failure, `TLS with ${target} failed: ${tlsReason(error)} (${tag}).`, code);
    }
    default:
      return new TransportError(failure, `Could not connect to ${target} (${tag}).`, code);
  }
}
