/** The remedies of the connection check's steps in English (electron/core/diagnostics/*Step.ts). */
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
} as const;
