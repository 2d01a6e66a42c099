/**
 * The connection check's step details and remedies, and the clock check's message, in English
 * (electron/core/diagnostics/*Step.ts, clockVerdict.ts).
 */
export const diagnosticsEn = {
  'step.internalError': 'Try again; if it keeps happening, report it with the steps that led here.',
  'step.tryAgain': 'Try again; if it keeps happening, report it.',
  'step.correctProfile': 'Correct the profile and check again.',
  'step.enterUserId': 'Enter the user ID, then check again.',
  'step.fixKeychain': 'Fix the keychain as described, then check again.',
  'step.storeSecret': 'Open the profile, paste the {what} and save it, then check again.',
  'step.secret.token': 'access token',
  'step.secret.appSecret': 'App secret',
  'step.timeout':
    'The server accepted the connection but did not answer in time: check the proxy and the network, and try again later; if it persists, the server is overloaded or down.',
  'step.reset':
    'The server closed the connection without a complete answer: check that the base URL points at the KooDrive API (right port and scheme) and whether a proxy or firewall cuts connections.',
  'step.cancelled': 'The check was cancelled; run it again.',
  'step.dns.proxy': 'Check the spelling of the proxy address in the profile, and this computer’s DNS or VPN settings.',
  'step.dns.host':
    'Check the spelling of the host in the base URL, and this computer’s DNS, VPN or proxy settings (a proxy can be set in the profile).',
  'step.tcp.refusedProxy':
    'Nothing accepts connections at the proxy address: check the proxy host and port in the profile, and that the proxy runs.',
  'step.tcp.refused':
    'Nothing accepts connections there: check the port in the base URL (https uses 443) and that the server runs; a firewall may also refuse it.',
  'step.tcp.unreachable':
    'There is no route to the server: check the network cable or Wi-Fi, the VPN, and whether this network needs a proxy (set it in the profile).',
  'step.tcp.timedOut':
    'A firewall may be dropping the connection, or the host is down: check the VPN, the firewall and the proxy settings.',
  'step.tunnel.connect': 'Check the proxy address and that the proxy allows CONNECT to this host and port.',
  'step.tls.handshake':
    'Check that the port in the base URL serves HTTPS (plain http:// is only for the local sandbox), and whether a proxy or firewall interferes with the connection.',
  'step.tls.selfSigned':
    'If this is a test server or your company’s TLS inspection and you trust it, add its certificate (PEM) as the extra CA in the profile; otherwise do not connect, and report it.',
  'step.tls.unknownCa':
    'If your company inspects TLS traffic, ask IT for its CA certificate and add it (PEM) to the profile; otherwise do not connect, and report it.',
  'step.tls.expired':
    'Check that this computer’s date is right; if it is, tell whoever runs the server to renew the certificate, and do not connect until then.',
  'step.tls.notYetValid':
    'This computer’s date is probably wrong: correct it (NTP) and check again; otherwise tell whoever runs the server.',
  'step.tls.otherHost':
    'Check the host in the base URL; if it is right, the server (or a proxy in between) presents the wrong certificate: tell whoever runs it.',
  'step.tls.expiresSoonOne':
    'The certificate expires in 1 day ({validTo}): tell whoever runs the server to renew it in time.',
  'step.tls.expiresSoon':
    'The certificate expires in {days} days ({validTo}): tell whoever runs the server to renew it in time.',
  'step.auth.serverFailed':
    'Try again in a few minutes; if it persists, escalate to KooDrive support with the request ID.',
  'step.buildFailed': 'Correct the profile: {reason}',
  'step.tcp.noAnswer':
    'A firewall may be dropping the connection, or the host is down: check the VPN, the firewall, and whether this network needs a proxy.',
  'step.tunnel.failed': 'Check the proxy address and that the proxy runs.',
  'step.tls.caPem': 'Paste the whole -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- block into the profile.',
  'step.tls.override':
    '{variable}=0 is set in the environment: it asks to turn off TLS certificate checks, so nothing is sent. Unset it (sh: unset {variable}; PowerShell: Remove-Item Env:{variable}) and start again. For a server with a private CA, add the CA certificate (PEM) to the profile instead.',
  // What a step found (ConnectionStep.detailMessage); `{what}`, `{where}` and `{why}` take a message or text.
  'detail.withNote': '{detail} {note}',
  'detail.asReported': '{text}',
  'detail.unknownError': 'unknown error',
  'detail.internalError': 'The check failed inside the app.',
  'detail.skipped': 'Skipped: the {step} step failed.',
  'detail.route.direct': 'Route: direct, no proxy ({why}).',
  'detail.route.proxy':
    'Requests go through the proxy {proxy} ({why}), so this step tests the proxy; the proxy reaches {host} itself.',
  'detail.route.why.withNote': '{why}; {note}',
  'detail.route.why.profile': 'set in the profile',
  'detail.route.why.noProxy': 'NO_PROXY exempts the host',
  'detail.route.why.direct': 'direct',
  'detail.route.why.systemAnswer': 'system proxy settings: {answer}',
  'detail.route.why.systemAbsent': 'system proxy: not available in this host',
  'detail.dns.proxyHost': 'The proxy host {host}',
  'detail.dns.ip': '{what} is an IP address: no lookup needed.',
  'detail.dns.loopback': '{what} is this computer: no lookup needed.',
  'detail.dns.slow': 'The DNS lookup of {host} did not finish within {seconds} s.',
  'detail.dns.none': '{host} resolves to no address.',
  'detail.dns.resolved': '{what} resolves to {addresses}.',
  'detail.dns.resolvedMore': '{what} resolves to {addresses} and {more} more.',
  'detail.dns.failed': 'The host name {host} could not be resolved ({code}).',
  'detail.tcp.proxyAt': 'the proxy at {target}',
  'detail.tcp.noAnswer': 'No answer to the connection attempt to {what} within {seconds} s.',
  'detail.tcp.connected': 'Connected to {what}.',
  'detail.tcp.refused': 'The connection to {what} was refused (ECONNREFUSED).',
  'detail.tcp.unreachable': '{what} cannot be reached ({code}).',
  'detail.tcp.timedOut': 'The connection to {what} timed out (ETIMEDOUT).',
  'detail.tcp.failed': 'Could not connect to {what} ({code}).',
  'detail.tls.skippedPlain': 'Skipped: plain HTTP to the local sandbox, so there is no TLS to check.',
  'detail.tls.checksOff': 'Certificate checks are turned off by the environment.',
  'detail.tls.caUnreadable': 'The extra CA certificate (PEM) in the profile could not be read.',
  'detail.tls.throughProxy': '{where} (through the proxy {proxy})',
  'detail.tls.slow': 'The TLS handshake with {where} did not finish within {seconds} s.',
  'detail.tls.plainHttp': '{where} does not speak TLS: it answered like plain HTTP ({code}).',
  'detail.tls.failed': 'The TLS handshake with {where} failed ({code}).',
  'detail.tls.noCertificate': 'The server sent no certificate ({protocol}).',
  'detail.tls.unknownVerification': 'unknown verification error',
  'detail.tls.selfSigned': "The server's certificate is self-signed ({code}), so this computer does not trust it.",
  'detail.tls.unknownCa': 'The certificate was issued by a CA this computer does not trust ({code}; issuer {issuer}).',
  'detail.tls.expired': "The server's certificate expired on {validTo} ({code}).",
  'detail.tls.notYetValid': "The server's certificate is only valid from {validFrom} ({code}).",
  'detail.tls.otherHost': 'The certificate is for {names}, not for {host} ({code}).',
  'detail.tls.notAccepted': "The server's certificate is not accepted ({code}).",
  'detail.tls.trusted': '{protocol}; the certificate is trusted and valid for {host}.',
  'detail.tls.trustedExpiresOne': '{protocol}; the certificate is trusted and valid for {host}, expires in 1 day.',
  'detail.tls.trustedExpires': '{protocol}; the certificate is trusted and valid for {host}, expires in {days} days.',
  'detail.tunnel.none': 'The proxy did not open a tunnel.',
  'detail.tunnel.slow': 'The proxy did not open a tunnel to {authority} within {seconds} s.',
  'detail.tunnel.unreachable': 'Could not connect to the proxy ({code}) to open the tunnel.',
  'detail.tunnel.authRejected': 'The proxy rejected the user name and password given (HTTP 407).',
  'detail.tunnel.authRequired': 'The proxy requires a user name and password (HTTP 407).',
  'detail.tunnel.refused': 'The proxy refused the tunnel to {authority} (HTTP {status}).',
  'detail.http.answered':
    'The server answered HTTP {status} to GET {path} (any answer shows that HTTP works; the call is not authenticated).',
  'detail.http.answeredThroughProxy':
    'The server answered HTTP {status} to GET {path} through the proxy (any answer shows that HTTP works; the call is not authenticated).',
  'detail.http.tooLarge': 'The server answered HTTP {status}, with a body larger than expected.',
  'detail.http.internal': 'The request failed inside the HTTP client.',
  'detail.answer.status': 'HTTP {status}',
  'detail.answer.code': '{answer}, code {code}',
  'detail.answer.msg': '{answer}: {msg}',
  'detail.answer.requestId': '{answer} (request ID {requestId})',
  'detail.auth.noSecret': 'No {what} is stored for this profile, so the authenticated call was not made.',
  'detail.auth.badSecret': 'The stored secret cannot be used.',
  'detail.auth.buildFailed': 'The request could not be built.',
  'detail.auth.noAnswer': 'No answer arrived.',
  'detail.auth.accepted': 'KooDrive accepted the {what} for user {userId}: {call} answered {answer}.',
  'detail.auth.rejected': 'KooDrive rejected the authenticated call {call}: {answer}.',
  'detail.auth.listingRefused':
    'KooDrive accepted the {what} but refused the record listing itself ({answer}); authentication works.',
  'detail.auth.notAnApi': '{call} is not an API at this address: {answer}.',
  'detail.auth.parametersRefused':
    "KooDrive accepted the {what} but refused the record listing's parameters ({answer}); authentication works.",
  'detail.auth.serverFailed': 'KooDrive failed internally: {answer}.',
  'detail.auth.other': '{call} answered {answer}.',
  // The clock check's message (ClockCheck.verdictMessage, electron/core/diagnostics/clockVerdict.ts).
  'clock.unknown':
    '{reason} Without the server\'s time the clock cannot be compared. Run "Check connection" to find out why; until then keep this computer\'s clock synchronised (NTP).',
  'clock.reason.nothingSent': 'Nothing was sent: {why}',
  'clock.reason.unreachable': 'The server could not be reached: {why}',
  'clock.reason.noDate': 'The server answered without a Date header.',
  'clock.reason.badDate': 'The server sent a Date header that is not a valid HTTP date.',
  'clock.amount.oneSecond': '1 second',
  'clock.amount.hours': '{count} hours',
  'clock.amount.days': '{count} days',
  'clock.precision': "measured to about ±{seconds} s, because the server's Date header has whole seconds",
  'clock.ahead':
    "This computer's clock is about {amount} ahead of the server's ({precision}). KooDrive rejects an X-Date later than its own time, so requests would fail with a clock error. Synchronise this computer's clock (NTP).",
  'clock.aheadOffer':
    "This computer's clock is about {amount} ahead of the server's ({precision}). KooDrive rejects an X-Date later than its own time, so requests would fail with a clock error. Synchronise this computer's clock (NTP), or sign with the server’s time until it is fixed.",
  'clock.behind':
    "This computer's clock is about {amount} behind the server's ({precision}). KooDrive rejects an X-Date more than 15 minutes old, so requests would fail with a clock error. Synchronise this computer's clock (NTP).",
  'clock.behindOffer':
    "This computer's clock is about {amount} behind the server's ({precision}). KooDrive rejects an X-Date more than 15 minutes old, so requests would fail with a clock error. Synchronise this computer's clock (NTP), or sign with the server’s time until it is fixed.",
  'clock.behindAccepted':
    "This computer's clock is about {amount} behind the server's ({precision}). KooDrive still accepts that, but synchronise the clock (NTP) before the gap reaches 15 minutes.",
  'clock.agrees':
    "This computer's clock agrees with the server's: the difference is under {limit} seconds ({precision}).",
} as const;
