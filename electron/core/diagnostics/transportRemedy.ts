/** Remedies for a transport failure during a diagnostic request (no lock is involved, unlike remedies.ts). */
import { PROXY_CAUSE } from '../koodrive/proxyAddress';
import { remedies } from '../koodrive/remedies';
import type { TransportError } from '../koodrive/transport';

export function transportRemedy(error: TransportError): string {
  if (error.causeCode?.startsWith('HPE_')) return remedies.malformedHttp();
  if (error.causeCode === PROXY_CAUSE.auth) return remedies.proxyAuth();
  if (error.causeCode === PROXY_CAUSE.unreachable) return remedies.proxyUnreachable();
  if (error.causeCode === PROXY_CAUSE.refused) return remedies.proxyRefused();
  if (error.causeCode === PROXY_CAUSE.decision) return remedies.proxyDecision();
  switch (error.failure) {
    case 'dns':
      return remedies.dns();
    case 'network':
      return remedies.network();
    case 'tls':
      return remedies.tls(error.causeCode);
    case 'too-large':
      return remedies.tooLarge();
    case 'timeout':
      return 'The server accepted the connection but did not answer in time: check the proxy and the network, and try again later; if it persists, the server is overloaded or down.';
    case 'reset':
      return 'The server closed the connection without a complete answer: check that the base URL points at the KooDrive API (right port and scheme) and whether a proxy or firewall cuts connections.';
    case 'cancelled':
      return 'The check was cancelled; run it again.';
  }
}
