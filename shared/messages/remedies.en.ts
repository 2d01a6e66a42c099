/**
 * The remedy of every lock-operation and record-read result in English: one sentence a support engineer can
 * act on (electron/core/koodrive/remedyMessages.ts picks the key). Templates: docs/renderer.md#messages-from-main-keys-and-parameters.
 */
export const remediesEn = {
  'note.code': 'code {code}',
  'note.status': 'HTTP {status}',
  'note.noAnswer': 'no answer',
  'amount.seconds': '{count} seconds',
  'amount.minutes': '{count} minutes',
  'direction.ahead': 'ahead of',
  'direction.behind': 'behind',
  'wait.aboutAMinute': 'about a minute',
  'wait.retryAfter': '{seconds} seconds (Retry-After)',
  'remedy.auth.forbidden':
    'KooDrive accepted the credentials but refused the operation: check that the user ID belongs to this app or token and that the app may manage backup locks.',
  'remedy.auth.bearer':
    'KooDrive rejected the access token (tokens expire after 20 minutes without use): store a fresh token for this profile and check the user ID and the Authorization prefix.',
  'remedy.auth.app':
    'KooDrive rejected the app signature: check the App ID and App secret stored for this profile, the user ID, and that no proxy rewrites the Host header.',
  'remedy.signature.matches':
    'KooDrive computed the same canonical request as this app ({field}, SHA-256 {hash}), so the request arrived as signed and the App secret (or App ID) is wrong: store the current App secret for this profile and check its App ID.',
  'remedy.signature.differs':
    'KooDrive signed a different request than this app ({field}: the server’s {compared} SHA-256 {server}, this app’s {ours}), so the request was changed on the way or canonicalised differently: check proxies that rewrite headers or paths (Host, the path and its trailing "/", the query, X-User-Id, X-Date, the body); the differing part is the {compared}, which Diagnostics’ request preview shows for this app.',
  'remedy.signature.canonicalRequest': 'canonical request',
  'remedy.signature.stringToSign': 'string to sign',
  'remedy.auth.unknown':
    'KooDrive rejected the credentials: store a fresh token or the correct App secret for this profile and check the user ID.',
  'remedy.clock.unmeasured':
    "KooDrive rejected the request time (X-Date must fall within the 15 minutes before the server time): synchronise this computer's clock (NTP) and try again.",
  'remedy.clock.skew':
    "This computer's clock is about {amount} {direction} the server's (X-Date must fall within the 15 minutes before the server time): synchronise the clock (NTP) and try again.",
  'remedy.throttled':
    'KooDrive is limiting the request rate: wait {wait} before trying again and send requests one at a time.',
  'remedy.server.readOnly':
    'KooDrive failed internally ({note}); the call only reads, so nothing changed: try again in a few minutes, and escalate to KooDrive support with the request ID if it persists.',
  'remedy.server.changes':
    'KooDrive failed internally ({note}) and {mayHaveHappened} or not: check {stateToCheck}, try again in a few minutes, and escalate to KooDrive support with the request ID if it persists.',
  'remedy.gatewayPage.readOnly':
    'Something between this computer and KooDrive (a proxy, firewall or load balancer) answered HTTP {status} with a page that is not from KooDrive: check the proxy and the base URL, and try again in a few minutes.',
  'remedy.gatewayPage.changes':
    'Something between this computer and KooDrive (a proxy, firewall or load balancer) answered HTTP {status} with a page that is not from KooDrive, so {mayHaveHappened} or not: check {stateToCheck}, the proxy and the base URL, and try again in a few minutes.',
  'remedy.invalidParameters':
    'KooDrive rejected the request parameters ({note}): check {parameters} in the profile and try again.',
  'remedy.unknownRoute':
    'The server has no KooDrive API at this address ({note}): check the base URL and its path prefix in the profile.',
  'remedy.notKooDrive':
    'The server answered HTTP {status} without a KooDrive JSON body (for example an HTML login or proxy page): check that the base URL points at the KooDrive API.',
  'remedy.redirected':
    'The server redirected the request (HTTP {status}) and redirects are not followed: use the final https:// address, with the correct path prefix, as the base URL.',
  'remedy.tooLarge':
    'The answer was larger than the size limit and was cut off, which KooDrive never does: check that the base URL points at the KooDrive API and not at a download or proxy page.',
  'remedy.malformedHttp':
    'The server sent a malformed HTTP answer: check that the base URL points at the KooDrive API and uses the right port and scheme (https://).',
  'remedy.dns':
    "The host name in the base URL could not be resolved: check its spelling and this computer's DNS, VPN or proxy settings.",
  'remedy.proxyAuth':
    "The proxy asked for a user name and password (HTTP 407) and nothing reached KooDrive: store the profile's proxy user name and password for this proxy (the profile editor's Advanced network section, or koodrive-lock profile proxy-password) or give them in the proxy URL at run time (HTTPS_PROXY=http://user:password@proxy:port, or the CLI's --proxy; special characters as %XX), or correct them, and if the proxy accepts only NTLM or Kerberos (Negotiate), run a local authenticating relay such as cntlm or px and use it as the proxy.",
  'remedy.withNote': '{note} {remedy}',
  'proxy.passwordNotUsed':
    "The profile's proxy password is stored for {storedFor}, but this request went through {chosen} ({reason}), so it was not used.",
  'proxy.anotherProxy': 'another proxy',
  'proxy.passwordUnreadable': "The profile's proxy password could not be read from the keychain: {why}",
  'remedy.proxyDecision':
    'The proxy for this request could not be decided (the PAC file or the system proxy settings failed, or named only SOCKS proxies), so nothing was sent: fix the PAC file or the proxy settings, or set an http:// proxy in the profile.',
  'remedy.proxyUnreachable':
    "The proxy could not be reached (refused, unreachable or its name unknown), so nothing reached KooDrive: check the proxy address (the profile's proxy, or HTTPS_PROXY) and that the proxy runs, or remove it if this network needs none.",
  'remedy.proxyRefused':
    "The proxy would not open a tunnel to the KooDrive host and port, so nothing reached KooDrive: check the base URL, and ask the proxy's administrators to allow CONNECT to that host on that port.",
  'remedy.network':
    'No connection to the server (refused or unreachable): check the base URL and port, the network or VPN, and any firewall or proxy in between.',
  'remedy.reset.readOnly':
    'The connection broke before the answer was complete; the call only reads, so nothing changed: try again.',
  'remedy.reset.changes':
    'The connection broke before the answer was complete, so {mayHaveHappened}: check {stateToCheck} before trying again.',
  'remedy.tls.plainHttp':
    'The port in the base URL answered in plain HTTP, not TLS ({code}): use the HTTPS port (443 unless told otherwise), and http:// only for the local sandbox.',
  'remedy.tls.otherHost':
    "The server's certificate is for a different host name: check the host in the base URL, or ask whoever runs the server to fix its certificate.",
  'remedy.tls.notValidNow':
    "The server's certificate is not valid at this time ({code}): check this computer's date and time, then tell whoever runs the server.",
  'remedy.tls.untrusted':
    "The server's certificate is not trusted: if your company inspects TLS traffic, add its CA certificate (PEM) to the profile; otherwise do not connect and report it.",
  'remedy.tls.untrustedCode':
    "The server's certificate is not trusted ({code}): if your company inspects TLS traffic, add its CA certificate (PEM) to the profile; otherwise do not connect and report it.",
  'remedy.timeout.readOnly': 'No complete answer arrived in time: check the network or proxy and try again.',
  'remedy.timeout.changes':
    'No complete answer arrived in time, so {mayHaveHappened}: check the network or proxy and {stateToCheck} before trying again.',
  'remedy.cancelled.readOnly': 'The request was cancelled; the call only reads, so nothing changed.',
  'remedy.cancelled.changes':
    'The request was cancelled; if it had already left, {mayHaveHappened}, so check {stateToCheck} before trying again.',
  'remedy.secret.empty': 'The stored secret for this profile is empty; store the token or App secret again.',
  'remedy.secret.control':
    'The stored secret contains line breaks or other control characters; store it again, pasted as one line.',
  'remedy.secret.nonAscii':
    'The stored access token contains non-ASCII characters, which cannot be sent in a header; store the token again.',
  'remedy.destinationChanged':
    'The profile "{profile}" now points elsewhere than when its secret was stored (changed: {changed}), so the secret was not used and nothing was sent. Enter the secret again for the new destination.',
  'operation.lockState': 'the lock state',
  'operation.parameters.lockAndUser': 'the lock ID (copied exactly) and the user ID',
  'operation.parameters.moduleAndUser': 'the module code and the user ID',
  'operation.parameters.record': 'the module code, the record ID and the user ID',
  'operation.release.mayHaveHappened': 'the lock may already be released',
  'operation.release.success': 'The lock is released; the next backup for this user and module can start.',
  'operation.release.notFound':
    'The lock is already gone (released or expired) or the ID is wrong; nothing to do unless the backup still fails.',
  'operation.release.conflict':
    'KooDrive refused to release this lock ({note}): check that the lock ID belongs to this user and module, then escalate with the request ID if it persists.',
  'operation.renew.mayHaveHappened': 'the lock may already be renewed',
  'operation.renew.success': 'The lock is renewed and stays valid for another 10 minutes.',
  'operation.renew.notFound':
    'The lock no longer exists (released or expired) or the ID is wrong; create a new lock instead of renewing this one.',
  'operation.renew.conflict':
    'KooDrive refused to renew this lock ({note}); it may have expired or been replaced, so create a new lock instead.',
  'operation.create.mayHaveHappened': 'a lock may already have been created',
  'operation.create.success':
    'The lock is created; release it when you are done, otherwise it expires after 10 minutes.',
  'operation.create.notFound':
    'KooDrive did not find the user or space to lock: check the user ID and the module code in the profile.',
  'operation.create.conflict':
    'KooDrive refused to create the lock ({note}), most likely because another client holds it: release that lock or wait up to 10 minutes for it to expire, then try again.',
  'operation.create.noLockId':
    'KooDrive reported success but sent no lock ID: try again once, and escalate to KooDrive support with the request ID if it happens again.',
  'operation.read.success': 'KooDrive returned {what}.',
  'operation.read.conflict':
    'KooDrive refused to return {what} ({note}): check the user ID and the module code, then escalate with the request ID if it persists.',
  'operation.read.records': 'the backup records',
  'operation.read.record': 'the backup record',
  'operation.read.recordFiles': 'the files of the backup record',
  'operation.listRecords.notFound':
    'KooDrive found no backup records for this user and module: check the user ID and the module code in the profile.',
  'operation.viewRecord.notFound':
    'The backup record does not exist (deleted, or the ID is wrong): check the record ID.',
  'records.noUsableRecord':
    'KooDrive reported success but sent no backup record with a usable record ID: escalate to KooDrive support with the request ID.',
  'records.otherModule':
    "Backup record {recordId} belongs to module {shown}, not {wanted}: choose module {actual} to see it with its module's records.",
  'records.idInvalid':
    'A backup record ID is a long number such as 1842862763295184641 (digits only): copy it again from the records list.',
  'records.deviceIdInvalid': "A device ID has 1 to {max} characters: copy it again from a record's device.",
  'records.limitInvalid': 'The limit is a whole number of records from 1 to {max}.',
  'records.cursorInvalid':
    'A cursor is the nextCursor of the previous page, at most {max} characters: pass it back unchanged.',
  'records.noList.record':
    'KooDrive reported success but sent no list of records: check that the base URL points at the KooDrive API, and escalate with the request ID if it persists.',
  'records.noList.file':
    'KooDrive reported success but sent no list of files: check that the base URL points at the KooDrive API, and escalate with the request ID if it persists.',
  'records.itemWithoutId.record':
    'KooDrive sent a record without a usable record ID, so the list cannot be shown: escalate to KooDrive support with the request ID.',
  'records.itemWithoutId.file':
    'KooDrive sent a file without a usable file ID, so the list cannot be shown: escalate to KooDrive support with the request ID.',
  'records.noModuleGiven': '(none given)',
  'records.serverSaid': ' ({said})',
  'records.serverSaidNothing': '',
  'records.cursorRefused':
    'KooDrive refused the cursor of the next page{serverSaid}: a cursor expires after a while or belongs to another listing, so list again from the start (the items read so far are kept).',
  'records.pageSizeRefused':
    "KooDrive refused the page size {pageSize}{serverSaid}: this server allows fewer items per page than the API's documented 100; report it with the request ID.",
} as const;
