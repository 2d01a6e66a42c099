/** English strings of the help on result kinds; merged into the catalogue by i18n/en.ts. */
export const helpEn = {
  'help.open': 'What does this mean?',
  'help.dialogTitle': 'Result: {title}',
  'help.cause': 'Likely cause',
  'help.confirm': 'How to confirm',
  'help.fix': 'The fix',
  'help.close': 'Close',
  'help.glossary.open': 'What each result means',
  'help.glossary.title': 'What each result means',
  'help.glossary.help':
    'Every lock operation ends in one of these results. Open one for its likely cause, how to confirm it and the fix.',
  'help.kind.success.title': 'Success',
  'help.kind.success.cause':
    'KooDrive answered HTTP 200 with code 0: the lock was released, renewed or created as asked.',
  'help.kind.success.confirm':
    'The result shows HTTP status 200 and server code 0. Releasing the same lock ID again answers “Lock not found”.',
  'help.kind.success.fix':
    'Nothing to fix. After a release the next backup of that user and module can start; a created lock expires after 10 minutes unless it is renewed.',
  'help.kind.auth.title': 'Authentication failed',
  'help.kind.auth.cause':
    'KooDrive or its API gateway rejected the credentials: an expired or mistyped access token, a wrong App ID or App secret, a user ID they do not cover, or a proxy that rewrites the Host header (which the app signature covers).',
  'help.kind.auth.confirm':
    'The server code is APIGW.0301 (token) or APIGW.0303 (app signature), usually with HTTP 401. “Check connection” fails at its authenticated call the same way. For app authentication, compare the canonical request in the request preview with the server’s message.',
  'help.kind.auth.fix':
    'Store a fresh token (tokens expire after 20 minutes without use) or the correct App secret in the profile; check the user ID, the App ID and the Authorization prefix; ask whether a proxy changes the Host header.',
  'help.kind.clock.title': 'Clock out of sync',
  'help.kind.clock.cause':
    'The X-Date the app signed is outside what KooDrive accepts: never after the server’s time, and at most 15 minutes before it. This computer’s clock is ahead of the server’s, or more than 15 minutes behind it.',
  'help.kind.clock.confirm':
    'Run “Check clock” on the Diagnostics screen: it compares this computer’s time with the server’s Date header. The copied details of the result also show the server’s date.',
  'help.kind.clock.fix':
    'Synchronise this computer’s clock (NTP: turn on automatic date and time). Until then, turn on “Sign with server time” after the clock check; the app then corrects X-Date for that profile.',
  'help.kind.not-found.title': 'Lock not found',
  'help.kind.not-found.cause':
    'KooDrive does not know this lock for this user: it was already released, it expired (10 minutes after it was created or last renewed), the ID was copied incompletely, or the lock belongs to another user.',
  'help.kind.not-found.confirm':
    'The server code is 13000309 (resource not found). Compare the lock ID character by character with the client log, and check that the profile’s user ID is the user who took the lock.',
  'help.kind.not-found.fix':
    'For a stuck lock there is nothing more to do: it is gone and the next backup can take a new one. If backups still fail, look for a newer lock ID in the client log. To continue a backup, create a new lock instead of renewing.',
  'help.kind.conflict.title': 'Lock held by another client',
  'help.kind.conflict.cause':
    'KooDrive refused because of the lock’s state: another client holds an unexpired lock for this user and module, or the lock was replaced.',
  'help.kind.conflict.confirm':
    'The answer is HTTP 409 or a KooDrive business code that is not about parameters. The other device’s backup log shows which lock it holds.',
  'help.kind.conflict.fix':
    'Release the lock that is held (its ID is in that client’s log) or wait up to 10 minutes for it to expire, then try again. Escalate with the request ID if it persists.',
  'help.kind.throttled.title': 'Too many requests',
  'help.kind.throttled.cause':
    'KooDrive or its API gateway is limiting the request rate (HTTP 429, APIGW.0308): too many requests from this app or user in a short time, for example a large batch.',
  'help.kind.throttled.confirm':
    'HTTP status 429 or server code APIGW.0308; the answer may carry Retry-After, the number of seconds to wait.',
  'help.kind.throttled.fix':
    'Wait as long as Retry-After says (about a minute when it says nothing), then try again; run batches with a lower concurrency.',
  'help.kind.server.title': 'Server error',
  'help.kind.server.cause':
    'KooDrive failed internally (HTTP 5xx or code 13000201), or a gateway in front of it could not reach it. The operation may or may not have happened.',
  'help.kind.server.confirm':
    'HTTP status 500 to 504. Check the lock state before retrying, and note the request ID from the copied details.',
  'help.kind.server.fix':
    'Try again in a few minutes. If it persists, escalate to KooDrive support with the request ID, the time and the host.',
  'help.kind.network.title': 'Could not connect',
  'help.kind.network.cause':
    'No connection reached the server: the host name does not resolve, the port refuses connections, the network or VPN is down, a firewall blocks it, the network needs a proxy, or the connection broke before the answer was complete.',
  'help.kind.network.confirm':
    'The result shows no HTTP status. “Check connection” fails at the DNS or TCP step and says why.',
  'help.kind.network.fix':
    'Check the host and port of the base URL, the network or VPN and the firewall; if this network needs a proxy, set it in the profile. If the connection broke mid-answer, check the lock state before trying again.',
  'help.kind.tls.title': 'Secure connection failed',
  'help.kind.tls.cause':
    'The server’s certificate was not accepted: it is self-signed, issued by a CA this computer does not trust (often a company proxy that inspects TLS), expired, or made for another host name.',
  'help.kind.tls.confirm':
    '“Check connection” fails at the TLS step and shows the certificate’s subject, issuer and validity, and the exact reason.',
  'help.kind.tls.fix':
    'If your company inspects TLS, add its CA certificate (PEM) to the profile. If the certificate expired or is for another host, check this computer’s date and the base URL, then tell whoever runs the server. Never connect past a certificate you do not trust.',
  'help.kind.timeout.title': 'Timed out',
  'help.kind.timeout.cause':
    'No complete answer arrived within 15 seconds: the server or a proxy is slow or overloaded, or the network drops packets. The server may still have processed the request.',
  'help.kind.timeout.confirm':
    'The result shows no HTTP status. “Check connection” shows which step is slow or does not finish within 5 seconds.',
  'help.kind.timeout.fix':
    'Check the network and the proxy, and the lock state before trying again (the release may have happened). If it persists, escalate with the time and the host.',
  'help.kind.invalid-response.title': 'Unexpected response',
  'help.kind.invalid-response.cause':
    'The server answered, but not like KooDrive: an HTML login or proxy page, a redirect, a malformed or oversized body, or a success without a lock ID. Usually the base URL points at the wrong server or path.',
  'help.kind.invalid-response.confirm':
    'The result has an HTTP status but no KooDrive code or message. Compare the URL in the request preview with the KooDrive endpoint …/koodrive/ose/v1/backup/lock.',
  'help.kind.invalid-response.fix':
    'Correct the base URL and its path prefix in the profile (https:// and the API host). If a proxy answers instead, set the proxy in the profile or ask IT.',
  'help.kind.invalid-input.title': 'Invalid input',
  'help.kind.invalid-input.cause':
    'The request was not sent because an input is wrong (lock ID, user ID, module code, base URL or the stored secret), or KooDrive rejected its parameters (code 13000102 or 13000101) or does not know the API path (APIGW.0101).',
  'help.kind.invalid-input.confirm':
    'The message of the result names the field. The request preview shows exactly what would be sent.',
  'help.kind.invalid-input.fix':
    'Correct the field named in the message: paste the lock ID exactly as in the client log, and check the user ID (digits only), the module code and the base URL’s path prefix.',
  'help.kind.cancelled.title': 'Cancelled',
  'help.kind.cancelled.cause':
    'The request was cancelled, by you or because the app closed while it ran. If it had already left, the server may have processed it.',
  'help.kind.cancelled.confirm': 'The result says “Cancelled”; the history shows whether the request was sent.',
  'help.kind.cancelled.fix': 'Check the lock state, then run the operation again if it is still needed.',
  'help.kind.destination-changed.title': 'Secret stored for another destination',
  'help.kind.destination-changed.cause':
    'The profile’s server, authentication, App ID, prefix, proxy or CA changed after its secret was stored. The secret is bound to where it was stored for, so it is not sent anywhere else. Nothing was sent.',
  'help.kind.destination-changed.confirm':
    'The profile shows “Secret stored for another destination” next to the secret.',
  'help.kind.destination-changed.fix':
    'Open the profile, check the server and the other connection settings, and enter the token or app secret again.',
  'help.kind.proxy-auth.title': 'Proxy authentication failed',
  'help.kind.proxy-auth.cause':
    'The proxy between this computer and KooDrive asked for a user name and password (HTTP 407), or rejected the ones given. Nothing reached KooDrive.',
  'help.kind.proxy-auth.confirm':
    'The message names the proxy and says “HTTP 407”, often with the methods it accepts (Basic, NTLM, Negotiate).',
  'help.kind.proxy-auth.fix':
    'Start the app with HTTPS_PROXY=http://user:password@proxy:port (special characters written as %XX). If the proxy accepts only NTLM or Kerberos (Negotiate), run a local relay such as cntlm or px and use it as the proxy.',
} as const;
