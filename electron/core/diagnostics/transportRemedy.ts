/** Remedies for a transport failure during a diagnostic request (no lock is involved, unlike remedies.ts). */
import { PROXY_CAUSE } from '../koodrive/proxyAddress';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import { remedyMessages as remedies } from '../koodrive/remedyMessages';
import type { TransportError } from '../koodrive/transport';

export function transportRemedy(error: TransportError): Message {
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
      return message('step.timeout');
    case 'reset':
      return message('step.reset');
    case 'cancelled':
      return message('step.cancelled');
  }
}
