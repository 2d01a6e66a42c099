/**
 * The sentence shown with every result: what happened and what a support engineer does next.
 * Each function returns exactly one sentence. None of them may include a header value or secret.
 */
import type { AuthMode } from '../../../shared/profile';
import type { OperationDescriptor } from './operation';

const ESCALATE = 'escalate to KooDrive support with the request ID if it persists';

/** OpenSSL's verdicts when the other side does not speak TLS at all (nodeErrors.ts gives them these codes). */
export const PLAIN_HTTP_CODES: ReadonlySet<string> = new Set([
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_PACKET_LENGTH_TOO_LONG',
  'ERR_SSL_HTTP_REQUEST',
]);

function codeNote(code: string | null, httpStatus: number | null): string {
  if (code !== null) return `code ${code}`;
  return httpStatus === null ? 'no answer' : `HTTP ${httpStatus}`;
}

export const remedies = {
  success(operation: OperationDescriptor): string {
    return operation.success;
  },

  auth(authMode: AuthMode | undefined, forbidden: boolean): string {
    if (forbidden)
      return 'KooDrive accepted the credentials but refused the operation: check that the user ID belongs to this app or token and that the app may manage backup locks.';
    if (authMode === 'bearer')
      return 'KooDrive rejected the access token (tokens expire after 20 minutes without use): store a fresh token for this profile and check the user ID and the Authorization prefix.';
    if (authMode === 'app')
      return 'KooDrive rejected the app signature: check the App ID and App secret stored for this profile, the user ID, and that no proxy rewrites the Host header.';
    return 'KooDrive rejected the credentials: store a fresh token or the correct App secret for this profile and check the user ID.';
  },

  clock(skewMs: number | null): string {
    const rule = 'X-Date must fall within the 15 minutes before the server time';
    if (skewMs === null)
      return `KooDrive rejected the request time (${rule}): synchronise this computer's clock (NTP) and try again.`;
    const seconds = Math.round(Math.abs(skewMs) / 1000);
    const amount = seconds < 120 ? `${seconds} seconds` : `${Math.round(seconds / 60)} minutes`;
    const direction = skewMs > 0 ? 'ahead of' : 'behind';
    return `This computer's clock is about ${amount} ${direction} the server's (${rule}): synchronise the clock (NTP) and try again.`;
  },

  notFound(operation: OperationDescriptor): string {
    return operation.notFound;
  },

  conflict(operation: OperationDescriptor, code: string | null, httpStatus: number | null): string {
    return operation.conflict(codeNote(code, httpStatus));
  },

  throttled(retryAfterSeconds: number | null): string {
    const wait = retryAfterSeconds === null ? 'about a minute' : `${retryAfterSeconds} seconds (Retry-After)`;
    return `KooDrive is limiting the request rate: wait ${wait} before trying again and send requests one at a time.`;
  },

  server(operation: OperationDescriptor, code: string | null, httpStatus: number | null): string {
    const failed = `KooDrive failed internally (${codeNote(code, httpStatus)})`;
    const { changes } = operation;
    if (!changes)
      return `${failed}; the call only reads, so nothing changed: try again in a few minutes, and ${ESCALATE}.`;
    return `${failed} and ${changes.mayHaveHappened} or not: check ${changes.stateToCheck}, try again in a few minutes, and ${ESCALATE}.`;
  },

  gatewayPage(operation: OperationDescriptor, httpStatus: number): string {
    const page = `Something between this computer and KooDrive (a proxy, firewall or load balancer) answered HTTP ${httpStatus} with a page that is not from KooDrive`;
    const { changes } = operation;
    if (!changes) return `${page}: check the proxy and the base URL, and try again in a few minutes.`;
    return `${page}, so ${changes.mayHaveHappened} or not: check ${changes.stateToCheck}, the proxy and the base URL, and try again in a few minutes.`;
  },

  invalidParameters(operation: OperationDescriptor, code: string | null): string {
    return `KooDrive rejected the request parameters (${codeNote(code, null)}): check ${operation.parameters} in the profile and try again.`;
  },

  unknownRoute(code: string | null, httpStatus: number | null): string {
    return `The server has no KooDrive API at this address (${codeNote(code, httpStatus)}): check the base URL and its path prefix in the profile.`;
  },

  notKooDrive(httpStatus: number): string {
    return `The server answered HTTP ${httpStatus} without a KooDrive JSON body (for example an HTML login or proxy page): check that the base URL points at the KooDrive API.`;
  },

  redirected(httpStatus: number): string {
    return `The server redirected the request (HTTP ${httpStatus}) and redirects are not followed: use the final https:// address, with the correct path prefix, as the base URL.`;
  },

  tooLarge(): string {
    return 'The answer was larger than the size limit and was cut off, which KooDrive never does: check that the base URL points at the KooDrive API and not at a download or proxy page.';
  },

  malformedHttp(): string {
    return 'The server sent a malformed HTTP answer: check that the base URL points at the KooDrive API and uses the right port and scheme (https://).';
  },

  dns(): string {
    return "The host name in the base URL could not be resolved: check its spelling and this computer's DNS, VPN or proxy settings.";
  },

  proxyAuth(): string {
    return "The proxy asked for a user name and password (HTTP 407) and nothing reached KooDrive: store the profile's proxy user name and password for this proxy (the profile editor's Advanced network section, or koodrive-lock profile proxy-password) or give them in the proxy URL at run time (HTTPS_PROXY=http://user:password@proxy:port, or the CLI's --proxy; special characters as %XX), or correct them, and if the proxy accepts only NTLM or Kerberos (Negotiate), run a local authenticating relay such as cntlm or px and use it as the proxy.";
  },

  proxyDecision(): string {
    return 'The proxy for this request could not be decided (the PAC file or the system proxy settings failed, or named only SOCKS proxies), so nothing was sent: fix the PAC file or the proxy settings, or set an http:// proxy in the profile.';
  },

  proxyUnreachable(): string {
    return "The proxy could not be reached (refused, unreachable or its name unknown), so nothing reached KooDrive: check the proxy address (the profile's proxy, or HTTPS_PROXY) and that the proxy runs, or remove it if this network needs none.";
  },

  proxyRefused(): string {
    return "The proxy would not open a tunnel to the KooDrive host and port, so nothing reached KooDrive: check the base URL, and ask the proxy's administrators to allow CONNECT to that host on that port.";
  },

  network(): string {
    return 'No connection to the server (refused or unreachable): check the base URL and port, the network or VPN, and any firewall or proxy in between.';
  },

  reset(operation: OperationDescriptor): string {
    const broke = 'The connection broke before the answer was complete';
    const { changes } = operation;
    if (!changes) return `${broke}; the call only reads, so nothing changed: try again.`;
    return `${broke}, so ${changes.mayHaveHappened}: check ${changes.stateToCheck} before trying again.`;
  },

  tls(causeCode: string | undefined): string {
    if (causeCode !== undefined && PLAIN_HTTP_CODES.has(causeCode))
      return `The port in the base URL answered in plain HTTP, not TLS (${causeCode}): use the HTTPS port (443 unless told otherwise), and http:// only for the local sandbox.`;
    if (causeCode === 'ERR_TLS_CERT_ALTNAME_INVALID')
      return "The server's certificate is for a different host name: check the host in the base URL, or ask whoever runs the server to fix its certificate.";
    if (causeCode === 'CERT_HAS_EXPIRED' || causeCode === 'CERT_NOT_YET_VALID')
      return `The server's certificate is not valid at this time (${causeCode}): check this computer's date and time, then tell whoever runs the server.`;
    const note = causeCode ? ` (${causeCode})` : '';
    return `The server's certificate is not trusted${note}: if your company inspects TLS traffic, add its CA certificate (PEM) to the profile; otherwise do not connect and report it.`;
  },

  timeout(operation: OperationDescriptor): string {
    const { changes } = operation;
    if (!changes) return 'No complete answer arrived in time: check the network or proxy and try again.';
    return `No complete answer arrived in time, so ${changes.mayHaveHappened}: check the network or proxy and ${changes.stateToCheck} before trying again.`;
  },

  cancelled(operation: OperationDescriptor): string {
    const { changes } = operation;
    if (!changes) return 'The request was cancelled; the call only reads, so nothing changed.';
    return `The request was cancelled; if it had already left, ${changes.mayHaveHappened}, so check ${changes.stateToCheck} before trying again.`;
  },
};
