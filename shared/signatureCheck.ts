/**
 * A refused app signature read against what the server says it signed, when its answer says so
 * (docs/koodrive-protocol.md#open-questions, question 23). Hashes only: never the secret.
 */
export interface SignatureCheck {
  /** The same on both sides: the request arrived as signed, so the App secret (or App ID) is wrong. */
  same: boolean;
  /** What the two hashes are of: the canonical request, or the whole string to sign. */
  compared: 'canonical-request' | 'string-to-sign';
  /** SHA-256 in hex, this app's and the server's. */
  ours: string;
  server: string;
  /** The answer's field it was read from (e.g. string_to_sign). */
  field: string;
}
