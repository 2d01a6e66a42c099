/**
 * A refused signature read against what the server says it signed (docs/koodrive-protocol.md#open-questions,
 * question 23), as a clause of the result's line. Hashes only, never the secret.
 */
import type { SignatureCheck } from '../../shared/signatureCheck';

const COMPARED: Record<SignatureCheck['compared'], string> = {
  'canonical-request': 'canonical request',
  'string-to-sign': 'string to sign',
};

/** ' — signature check: …' for a result that carries the comparison, else ''. */
export function signatureCheckClause(check: SignatureCheck | undefined): string {
  if (!check) return '';
  const compared = COMPARED[check.compared];
  const text = check.same
    ? `the server signed the same request (${compared} SHA-256 ${check.ours}), so the request arrived as signed: the App secret (or App ID) is wrong`
    : `the server signed a different request (${compared} SHA-256: ours ${check.ours}, the server's ${check.server}): it was changed on the way or canonicalised differently`;
  return ` — signature check: ${text}`;
}
