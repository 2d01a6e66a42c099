/**
 * The one proxy decision for every KooDrive request (window, CLI, batches, diagnostics), in this order:
 * the profile's proxy (the CLI's --proxy) → the system's configuration or PAC (the window: Electron's
 * session.resolveProxy; the CLI: --pac / KOODRIVE_PAC) → HTTPS_PROXY unless NO_PROXY exempts the host →
 * direct. It says which proxy (or none) and why. See docs/faults-and-safeguards.md, "Which proxy".
 */
import type { Profile } from '../../../shared/profile';
import { readPacAnswer } from './pacAnswer';
import { type ProxyEnv, noProxyExempts, proxyFromEnv } from './proxyFromEnv';
import type { ProxyResolver } from './systemProxyCache';

/** The system/PAC step: a resolver giving PAC-style answers, and what to call it in reasons. */
export interface SystemProxyStep {
  /** "system proxy settings", or "PAC file /etc/corp.pac". */
  name: string;
  resolve: ProxyResolver;
  /**
   * true for a PAC the user gave: its DIRECT is the decision. false for the system settings, whose DIRECT
   * also means "nothing configured", so HTTPS_PROXY is still consulted.
   */
  directIsFinal: boolean;
}

export interface ProxyRouting {
  /** Where HTTPS_PROXY and NO_PROXY are read; default none. */
  env?: ProxyEnv;
  systemProxy?: SystemProxyStep;
  /** Why there is no system step, for the reason text; default "not available in this host". */
  systemProxyAbsent?: string;
}

export interface ProxyDecision {
  /** The proxy to tunnel through (as given: it may carry run-time credentials), or null for direct. */
  proxyUrl: string | null;
  /** Why, in words: "set in the profile", "PAC file x: PROXY h:p", "HTTPS_PROXY", "NO_PROXY exempts the host", "direct". */
  reason: string;
  /** Steps passed over on the way ("system proxy: not available in this host", skipped SOCKS entries). */
  notes: string[];
}

/** The system or PAC step failed or answered nothing usable: nothing may be sent. */
export class ProxyDecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProxyDecisionError';
  }
}

/** The fixed words of reasons and notes (diagnostics/routeWords.ts gives each its message). */
export const ROUTE_WORDS = {
  profile: 'set in the profile',
  httpsProxy: 'HTTPS_PROXY',
  noProxy: 'NO_PROXY exempts the host',
  direct: 'direct',
  /** The window's system step (app/services.ts). */
  systemSettings: 'system proxy settings',
  systemAbsent: 'system proxy: not available in this host',
} as const;

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

async function systemStep(step: SystemProxyStep, url: string, notes: string[]): Promise<ProxyDecision | null> {
  let answer: string;
  try {
    answer = await step.resolve(url);
  } catch (error) {
    throw new ProxyDecisionError(
      `The ${step.name} could not be evaluated for ${new URL(url).host}: ${messageOf(error)}.`,
    );
  }
  if (typeof answer !== 'string') {
    throw new ProxyDecisionError(
      `The ${step.name} answered ${typeof answer}, not a PAC answer such as "PROXY host:port".`,
    );
  }
  const { choice, skipped } = readPacAnswer(answer);
  notes.push(...skipped.map((entry) => `${step.name}: skipped ${entry}`));
  if (!choice) {
    throw new ProxyDecisionError(
      `The ${step.name} answered "${answer.trim().slice(0, 120)}" for ${new URL(url).host}, and none of it can be used (only http:// and https:// proxies or DIRECT are supported), so nothing was sent.`,
    );
  }
  if (choice.kind === 'proxy') return { proxyUrl: choice.proxyUrl, reason: `${step.name}: ${choice.entry}`, notes };
  if (step.directIsFinal) return { proxyUrl: null, reason: `${step.name}: DIRECT`, notes };
  notes.push(`${step.name}: DIRECT`);
  return null;
}

export async function decideProxy(profile: Profile, routing: ProxyRouting): Promise<ProxyDecision> {
  if (profile.proxyUrl) return { proxyUrl: profile.proxyUrl, reason: ROUTE_WORDS.profile, notes: [] };
  const notes: string[] = [];
  const url = URL.canParse(profile.baseUrl) ? new URL(profile.baseUrl).href : null;
  if (routing.systemProxy && url) {
    const decided = await systemStep(routing.systemProxy, url, notes);
    if (decided) return decided;
  } else if (!routing.systemProxy) {
    notes.push(routing.systemProxyAbsent ? `system proxy: ${routing.systemProxyAbsent}` : ROUTE_WORDS.systemAbsent);
  }
  const env = routing.env ?? {};
  const fromEnv = proxyFromEnv(profile.baseUrl, env);
  if (fromEnv) return { proxyUrl: fromEnv, reason: ROUTE_WORDS.httpsProxy, notes };
  if (noProxyExempts(profile.baseUrl, env)) return { proxyUrl: null, reason: ROUTE_WORDS.noProxy, notes };
  return { proxyUrl: null, reason: ROUTE_WORDS.direct, notes };
}

/** One line for messages and --verbose: the reason, then the notes. */
export function decisionWords(decision: ProxyDecision): string {
  return decision.notes.length > 0 ? `${decision.reason}; ${decision.notes.join('; ')}` : decision.reason;
}
