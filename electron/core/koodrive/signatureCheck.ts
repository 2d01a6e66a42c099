/** A refused signature's answer compared with what was signed (signatureEcho.ts), for the result. */
import type { ResultKind } from '../../../shared/result';
import type { SignatureCheck } from '../../../shared/signatureCheck';
import type { PreparedRequest } from './requestBuilder';
import type { ParsedBody } from './responseParser';
import { compareSigning } from './signatureEcho';

export interface SignedAnswer {
  kind: ResultKind;
  prepared: Pick<PreparedRequest, 'stringToSign'>;
  body: Pick<ParsedBody, 'signingEcho'> | null;
}

/** Only an authentication failure of a signed (app) request whose answer says what the server signed. */
export function signatureCheckOf({ kind, prepared, body }: SignedAnswer): SignatureCheck | undefined {
  const echo = body?.signingEcho;
  const ours = prepared.stringToSign;
  if (kind !== 'auth' || echo === undefined || ours === undefined) return undefined;
  const comparison = compareSigning(ours, echo);
  return {
    same: comparison.same,
    compared: echo.form === 'string-to-sign-sha256' ? 'string-to-sign' : 'canonical-request',
    ours: comparison.ours,
    server: comparison.server,
    field: comparison.field,
  };
}
