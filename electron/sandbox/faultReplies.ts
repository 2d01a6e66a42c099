/** What the faults that replace the real answer send instead (the lock table is not touched). */
import type { JsonReply } from './errorBodies';
import { CODE_BAD_REQUEST, CODE_INNER_FAILURE, gatewayError, koodriveError } from './errorBodies';

const GATEWAY_STATUS: Readonly<Record<number, readonly [string, string]>> = {
  401: ['APIGW.0301', 'Incorrect IAM authentication information (sandbox fault)'],
  403: ['APIGW.0302', 'Access denied (sandbox fault)'],
  404: ['APIGW.0101', 'The API does not exist or has not been published in the environment (sandbox fault)'],
  413: ['APIGW.0201', 'Request body too large (sandbox fault)'],
  429: ['APIGW.0308', 'The throttling threshold has been reached (sandbox fault)'],
  502: ['APIGW.0201', 'Backend unavailable (sandbox fault)'],
  503: ['APIGW.0201', 'Service unavailable (sandbox fault)'],
  504: ['APIGW.0201', 'Backend timeout (sandbox fault)'],
};

export function statusFaultReply(status: number, retryAfterSeconds: number | undefined, requestId: string): JsonReply {
  const gateway = GATEWAY_STATUS[status];
  let reply: JsonReply;
  if (gateway) reply = gatewayError(status, gateway[0], gateway[1], requestId);
  else if (status === 500) reply = koodriveError(500, CODE_INNER_FAILURE, 'INNER_INVOKE_FAILURE (sandbox fault)');
  else if (status >= 500)
    reply = gatewayError(status, 'APIGW.0201', `Backend error ${status} (sandbox fault)`, requestId);
  else reply = koodriveError(status, CODE_BAD_REQUEST, `Bad request: HTTP ${status} (sandbox fault)`);
  const retryAfter = retryAfterSeconds ?? (status === 429 ? 1 : undefined);
  return retryAfter === undefined ? reply : { ...reply, headers: { 'Retry-After': String(retryAfter) } };
}

/** A 200 whose body is not JSON: a client must not read it as success. */
export const NON_JSON_TEXT = 'success';

export const HTML_PAGE = [
  '<!DOCTYPE html>',
  '<html><head><title>502 Bad Gateway</title></head>',
  '<body><center><h1>502 Bad Gateway</h1></center><hr><center>sandbox-proxy (fault)</center></body>',
  '</html>',
  '',
].join('\r\n');

const HUGE_PREFIX = `{"code":${CODE_INNER_FAILURE},"msg":"sandbox fault: huge response body","padding":"`;
const HUGE_SUFFIX = '"}';

/** The pieces of a `bytes`-long body: valid JSON (an error, never success) when there is room for it. */
export function hugeBodyFrame(bytes: number): { prefix: string; fillBytes: number; suffix: string } {
  const frame = HUGE_PREFIX.length + HUGE_SUFFIX.length;
  if (bytes < frame) return { prefix: '', fillBytes: bytes, suffix: '' };
  return { prefix: HUGE_PREFIX, fillBytes: bytes - frame, suffix: HUGE_SUFFIX };
}
