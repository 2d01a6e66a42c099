/** The HTTP seam of the core: the real one is in httpTransport.ts; tests inject others. */

export interface TlsOptions {
  /** Extra CA certificates (PEM), added on top of the default trust store. */
  caPem?: string;
}

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: URL;
  /** Exactly the headers to send; the transport adds nothing that would change the signature. */
  headers: Readonly<Record<string, string>>;
  body?: Uint8Array;
  timeoutMs: number;
  /** Responses larger than this are cut off and reported as too large. */
  maxBodyBytes: number;
  signal?: AbortSignal;
  tls?: TlsOptions;
  /** http://host:port of an HTTP proxy to tunnel through (CONNECT), if any. */
  proxyUrl?: string;
  /**
   * Basic Proxy-Authorization for proxyUrl from the profile's keychain entry (connectionFor.ts, only for the
   * proxy origin it was stored for); credentials in proxyUrl itself win.
   */
  proxyAuthorization?: string;
  /** Why this proxy (or none) was chosen (proxyDecision.ts), for --verbose; the transport ignores it. */
  proxyReason?: string;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  body: Uint8Array;
}

export type TransportFailure = 'network' | 'dns' | 'tls' | 'timeout' | 'cancelled' | 'too-large' | 'reset';

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    /** Node's error code (ECONNREFUSED, CERT_HAS_EXPIRED, ...), when there is one. */
    readonly causeCode?: string,
    /** Status of a response that began but could not be completed (too-large, reset mid-body). */
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
