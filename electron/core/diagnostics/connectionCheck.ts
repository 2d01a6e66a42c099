/**
 * The connection check for a profile: DNS, TCP, TLS, HTTP, then an authenticated read-only call, each
 * bounded by a timeout. After the first failure the remaining steps are reported as skipped.
 */
import {
  CONNECTION_STEPS,
  type ConnectionReport,
  type ConnectionStep,
  type ConnectionStepName,
} from '../../../shared/diagnostics';
import { type Profile, resolveUserId } from '../../../shared/profile';
import type { Clock } from '../clock';
import { lockUrlFor, lockUrlProblemMessage } from '../koodrive/endpointUrl';
import { type RoutedConnection, type Routing, connectionFor } from '../koodrive/connectionFor';
import { ProxyDecisionError } from '../koodrive/proxyDecision';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import { remedyMessages as remedies } from '../koodrive/remedyMessages';
import type { Transport } from '../koodrive/transport';
import { type SecretLookup, authStep } from './authStep';
import { type ConnectionTarget, connectionTarget } from './connectionTarget';
import { type Lookup, dnsStep } from './dnsStep';
import { httpStep } from './httpStep';
import { DEFAULT_STEP_TIMEOUT_MS } from './stepLimits';
import { routeWhy } from './routeWords';
import { type StepOutcome, asReported, failed, skippedStep, stepOf, timedStep, withNote } from './stepOutcome';
import { tcpStep } from './tcpStep';
import { tlsStep } from './tlsStep';

/** Routing as for a lock operation (connectionFor.ts): env, system proxy or PAC, stored proxy password. */
export interface ConnectionCheckDeps extends Routing {
  transport: Transport;
  clock: Clock;
  /** The stored secret for the authenticated step; never sent anywhere but to the server. */
  secretFor: (profile: Profile) => Promise<SecretLookup>;
  /** Per step; default 5 s. */
  timeoutMs?: number;
  lookup?: Lookup;
}

/** Which proxy the requests take and why (proxyDecision.ts), said in the first steps. */
function routeNotes(
  target: ConnectionTarget,
  routed: RoutedConnection,
): { proxyNote: Message | null; routeNote: Message } {
  const why = routeWhy(routed.decision);
  if (!target.proxy) return { proxyNote: null, routeNote: message('detail.route.direct', { why }) };
  const proxyNote = withNote(
    message('detail.route.proxy', { proxy: target.proxy.url.host, why, host: target.url.host }),
    routed.credentialNote,
  );
  return { proxyNote, routeNote: proxyNote };
}

function notChecked(profileId: string, problem: Message, remedy: Message): ConnectionReport {
  const first: ConnectionStep = stepOf('dns', 0, failed(problem, remedy));
  return {
    profileId,
    host: '',
    steps: [first, ...CONNECTION_STEPS.slice(1).map((step) => skippedAfter('dns', step))],
  };
}

function skippedAfter(failedStep: ConnectionStepName, step: ConnectionStepName): ConnectionStep {
  return skippedStep(step, message('detail.skipped', { step: failedStep.toUpperCase() }));
}

export async function checkConnection(
  profile: Profile,
  deps: ConnectionCheckDeps,
  /** The end user of the authenticated call; defaults to the profile's. */
  requestedUserId?: string,
): Promise<ConnectionReport> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS;
  // Every step takes the route a lock operation takes: DNS, TCP and TLS dial it, HTTP and auth send on it.
  let routed: RoutedConnection;
  try {
    routed = await connectionFor(profile, deps);
  } catch (error) {
    if (!(error instanceof ProxyDecisionError)) throw error;
    return notChecked(profile.id, asReported(error.message), remedies.proxyDecision());
  }
  const connection = routed.settings;
  const resolved = connectionTarget(profile, connection.proxyUrl, connection.proxyAuthorization);
  const lockUrl = lockUrlFor(profile.baseUrl);
  if (!resolved.ok || !lockUrl.ok) {
    const problem = lockUrlProblemMessage(profile.baseUrl) ?? asReported(resolved.ok ? '' : resolved.problem);
    return notChecked(profile.id, problem, message('step.correctProfile'));
  }
  const { target } = resolved;
  const { proxyNote: note, routeNote } = routeNotes(target, routed);
  const dialled = target.proxy ?? target;
  let address: string | undefined;

  const runners: Record<ConnectionStepName, () => Promise<StepOutcome>> = {
    dns: async () => {
      const result = await dnsStep({
        hostname: dialled.hostname,
        proxyNote: note,
        routeNote,
        timeoutMs,
        lookup: deps.lookup,
      });
      address = result.address;
      return result.outcome;
    },
    tcp: () => tcpStep({ hostname: dialled.hostname, address, port: dialled.port, proxyNote: note, timeoutMs }),
    tls: () => tlsStep({ target, caPem: profile.caPem, timeoutMs, nowMs: deps.clock.now().getTime() }),
    http: () => httpStep({ connection, url: lockUrl.url, transport: deps.transport, timeoutMs }),
    auth: async () => {
      const user = resolveUserId(profile, requestedUserId);
      if (!user.ok) return failed(user.problemMessage, message('step.enterUserId'));
      return authStep({
        profile,
        routing: deps,
        userId: user.userId,
        secret: await deps.secretFor(profile),
        transport: deps.transport,
        clock: deps.clock,
        timeoutMs,
      });
    },
  };

  const steps: ConnectionStep[] = [];
  let failedAt: ConnectionStepName | null = null;
  for (const name of CONNECTION_STEPS) {
    if (failedAt) {
      steps.push(skippedAfter(failedAt, name));
      continue;
    }
    const step = await timedStep(name, deps.clock, runners[name]);
    steps.push(step);
    if (step.ok === false) failedAt = name;
  }
  return { profileId: profile.id, host: target.url.host, steps };
}
