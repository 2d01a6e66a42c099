/** Step 1: the host name resolves (the proxy's, when the profile has one). IP literals and localhost pass at once. */
import { message } from '../../../shared/messages/message';
import { isIP } from 'node:net';
import { isLoopbackHost } from '../../../shared/identifiers';
import { errorCode } from '../koodrive/nodeErrors';
import { type StepOutcome, failed, passed, withTimeout } from './stepOutcome';

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
  proxyNote: string | null;
  /** Which proxy (or none) the requests take and why; said when there is no proxyNote. Default none. */
  routeNote?: string;
  timeoutMs: number;
  lookup?: Lookup;
}): Promise<DnsResult> {
  const { hostname, proxyNote } = input;
  const what = proxyNote ? `The proxy host ${hostname}` : hostname;
  const via = proxyNote ? ` ${proxyNote}` : input.routeNote ? ` ${input.routeNote}` : '';
  if (isIP(hostname))
    return { outcome: passed(`${what} is an IP address: no lookup needed.${via}`), address: hostname };
  if (isLoopbackHost(hostname)) return { outcome: passed(`${what} is this computer: no lookup needed.${via}`) };

  const lookup = input.lookup ?? systemLookup;
  const remedy = proxyNote ? message('step.dns.proxy') : message('step.dns.host');
  try {
    const found = await withTimeout<Array<{ address: string; family: number }> | null>(
      lookup(hostname),
      input.timeoutMs,
      () => null,
    );
    if (found === null) {
      return {
        outcome: failed(
          `The DNS lookup of ${hostname} did not finish within ${input.timeoutMs / 1000} s.${via}`,
          remedy,
        ),
      };
    }
    if (found.length === 0) return { outcome: failed(`${hostname} resolves to no address.${via}`, remedy) };
    const listed = found.slice(0, MAX_LISTED).map((entry) => entry.address);
    const more = found.length > MAX_LISTED ? ` and ${found.length - MAX_LISTED} more` : '';
    return { outcome: passed(`${what} resolves to ${listed.join(', ')}${more}.${via}`), address: found[0].address };
  } catch (error) {
    const code = errorCode(error) ?? 'unknown error';
    return { outcome: failed(`The host name ${hostname} could not be resolved (${code}).${via}`, remedy) };
  }
}
