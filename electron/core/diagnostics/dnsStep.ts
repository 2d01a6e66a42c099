/** Step 1: the host name resolves (the proxy's, when the profile has one). IP literals and localhost pass at once. */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../../../shared/identifiers';
import { errorCode } from '../koodrive/nodeErrors';
import { type StepOutcome, failed, passed, withNote, withTimeout } from './stepOutcome';

export type Lookup = (hostname: string) => Promise<Array<{ address: string; family: number }>>;

// node:dns loads with the first check, not when the app starts (docs/benchmarks.md, desktop start-up).
const systemLookup: Lookup = (hostname) =>
  process.getBuiltinModule('node:dns').promises.lookup(hostname, { all: true, verbatim: true });

export interface DnsResult {
  outcome: StepOutcome;
  /** The address to connect to; undefined lets the TCP step resolve the name itself. */
  address?: string;
}

const MAX_LISTED = 4;

export async function dnsStep(input: {
  hostname: string;
  /** Set when the host is the profile's proxy. */
  proxyNote: Message | null;
  /** Which proxy (or none) the requests take and why; said when there is no proxyNote. Default none. */
  routeNote?: Message;
  timeoutMs: number;
  lookup?: Lookup;
}): Promise<DnsResult> {
  const { hostname, proxyNote } = input;
  const what = proxyNote ? message('detail.dns.proxyHost', { host: hostname }) : hostname;
  const said = (detail: Message) => withNote(detail, proxyNote ?? input.routeNote ?? null);
  if (isIP(hostname)) return { outcome: passed(said(message('detail.dns.ip', { what }))), address: hostname };
  if (isLoopbackHost(hostname)) return { outcome: passed(said(message('detail.dns.loopback', { what }))) };

  const lookup = input.lookup ?? systemLookup;
  const remedy = proxyNote ? message('step.dns.proxy') : message('step.dns.host');
  try {
    const found = await withTimeout<Array<{ address: string; family: number }> | null>(
      lookup(hostname),
      input.timeoutMs,
      () => null,
    );
    if (found === null) {
      const seconds = input.timeoutMs / 1000;
      return { outcome: failed(said(message('detail.dns.slow', { host: hostname, seconds })), remedy) };
    }
    if (found.length === 0) return { outcome: failed(said(message('detail.dns.none', { host: hostname })), remedy) };
    const addresses = found
      .slice(0, MAX_LISTED)
      .map((entry) => entry.address)
      .join(', ');
    const detail =
      found.length > MAX_LISTED
        ? message('detail.dns.resolvedMore', { what, addresses, more: found.length - MAX_LISTED })
        : message('detail.dns.resolved', { what, addresses });
    return { outcome: passed(said(detail)), address: found[0].address };
  } catch (error) {
    const code = errorCode(error) ?? message('detail.unknownError');
    return { outcome: failed(said(message('detail.dns.failed', { host: hostname, code })), remedy) };
  }
}
