/**
 * A PAC file's FindProxyForURL, evaluated with pac-resolver in a QuickJS (WebAssembly) sandbox: the
 * script cannot reach Node, files or the network (only the PAC helpers such as dnsResolve). Both packages
 * are imported only here, when a PAC is given, so a run without one never loads them (docs/cli.md,
 * "lazy commands"). See docs/faults-and-safeguards.md, "Which proxy".
 */
import type { ProxyResolver } from './systemProxyCache';

/** The PAC cannot be used: unreadable, not JavaScript, no FindProxyForURL, or it failed. Nothing is sent. */
export class PacError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PacError';
  }
}

/** One evaluation may run this long before the sandbox interrupts it (an endless loop in the PAC). */
const EVALUATION_LIMIT_MS = 2_000;
const MEMORY_LIMIT_BYTES = 32 * 1024 * 1024;

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 200) || 'unknown error';
}

export async function compilePac(script: string, name: string): Promise<ProxyResolver> {
  const [{ createPacResolver }, { QuickJS }] = await Promise.all([import('pac-resolver'), import('quickjs-wasi')]);
  let deadline = Number.POSITIVE_INFINITY;
  const vm = await QuickJS.create({
    memoryLimit: MEMORY_LIMIT_BYTES,
    interruptHandler: () => performance.now() > deadline,
  });
  let findProxy: (url: string) => Promise<string>;
  try {
    // alert() would print on stdout, where --json output goes: it is silenced.
    findProxy = createPacResolver(vm, script, { filename: name, sandbox: { alert: () => undefined } });
  } catch (error) {
    const reason = reasonOf(error);
    if (/FindProxyForURL/.test(reason)) throw new PacError(`The ${name} does not define FindProxyForURL(url, host).`);
    throw new PacError(`The ${name} is not valid JavaScript: ${reason}.`);
  }
  return async (url) => {
    deadline = performance.now() + EVALUATION_LIMIT_MS;
    try {
      const answer: unknown = await findProxy(url);
      if (typeof answer !== 'string') throw new PacError(`FindProxyForURL returned ${typeof answer}, not text.`);
      return answer;
    } catch (error) {
      throw new PacError(`FindProxyForURL failed: ${reasonOf(error)}`);
    } finally {
      deadline = Number.POSITIVE_INFINITY;
    }
  };
}
