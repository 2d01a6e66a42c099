/**
 * NODE_TLS_REJECT_UNAUTHORIZED=0 tells Node to accept any certificate. Every agent and TLS socket of the
 * transport sets rejectUnauthorized: true explicitly, which overrides it; on top of that the transport,
 * the CLI and the window refuse to send anything while it is set, so an environment that expects
 * verification to be off is noticed instead of silently "working" (docs/security.md).
 */
export const TLS_OVERRIDE_VARIABLE = 'NODE_TLS_REJECT_UNAUTHORIZED';

/** Node turns verification off for exactly this value. */
export function tlsVerificationDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env[TLS_OVERRIDE_VARIABLE] === '0';
}

export const TLS_OVERRIDE_MESSAGE =
  `${TLS_OVERRIDE_VARIABLE}=0 is set in the environment: it asks to turn off TLS certificate checks, so ` +
  `nothing is sent. Unset it (sh: unset ${TLS_OVERRIDE_VARIABLE}; PowerShell: ` +
  `Remove-Item Env:${TLS_OVERRIDE_VARIABLE}) and start again. For a server with a private CA, add the ` +
  'CA certificate (PEM) to the profile instead.';
