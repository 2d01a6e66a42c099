import { type Clock, systemClock } from '../core/clock';
import { createAuditLog } from '../core/audit/auditLog';
import { osUserName } from '../core/audit/osUser';
import { createHttpTransport } from '../core/koodrive/httpTransport';
import type { Routing } from '../core/koodrive/connectionFor';
import { ROUTE_WORDS } from '../core/koodrive/proxyDecision';
import type { ProxyEnv } from '../core/koodrive/proxyFromEnv';
import { type ProxyResolver, cachedProxyResolver } from '../core/koodrive/systemProxyCache';
import type { Transport } from '../core/koodrive/transport';
import type { SecretSource } from '../core/lockRequest';
import { createLockService } from '../core/lockService';
import { ProfileStore } from '../core/profiles/profileStore';
import { createKeytarStore } from '../core/secrets/keytarStore';
import { readProxyCredential } from '../core/secrets/proxyCredential';
import type { SecretStore } from '../core/secrets/secretStore';
import type { BatchSignalPort } from '../ipc/batchSignalPort';
import type { UnsavedChangesPort } from '../ipc/unsavedChangesPort';
import type { WindowLanguagePort } from '../ipc/windowLanguagePort';
import type { HandlerServices } from '../ipc/handlerServices';
import { createInflightRequests } from '../ipc/inflightRequests';
import { secretSourceFor } from '../ipc/secretSource';
import { type SandboxServer, createSandboxController } from './sandboxController';

/**
 * The app's services, built once per app (electron/main) or per test (the e2e host and the handler
 * tests): what the IPC handlers use, plus the clean-up.
 */
export interface AppServices extends HandlerServices {
  /** Aborts running requests and stops the sandbox. */
  dispose(): Promise<void>;
}

export interface AppServicesOptions {
  dataDir: string;
  /** Defaults to the OS keychain (keytar). */
  secrets?: SecretStore;
  transport?: Transport;
  clock?: Clock;
  source?: 'gui' | 'cli';
  /** Replaces the embedded sandbox server (tests). */
  launchSandbox?: () => Promise<SandboxServer>;
  /** Where HTTPS_PROXY and NO_PROXY are read for profiles without a proxy of their own; default process.env. */
  env?: ProxyEnv;
  /**
   * The system's proxy settings and PAC for a URL, as a PAC answer: electron/main passes Electron's
   * session.resolveProxy. Hosts without one (the e2e stand-in, tests) pass none: the step is then skipped.
   */
  resolveSystemProxy?: ProxyResolver;
  /** The window's taskbar progress and "batch ended" notification (electron/main/batchSignals.ts); tests pass a fake. */
  batchSignals?: BatchSignalPort;
  /** The window's close guard (electron/main/closeGuard.ts); the e2e stand-in passes main's own. */
  unsavedChanges?: UnsavedChangesPort;
  /** The menu's, notifications' and dialogs' language (electron/main/windowLanguage.ts); absent elsewhere. */
  windowLanguage?: WindowLanguagePort;
}

/** The proxy routing of every request and check (core/koodrive/connectionFor.ts). */
function routingFor(options: AppServicesOptions, env: ProxyEnv, secrets: SecretStore): Routing {
  const routing: Routing = {
    env,
    // Read per request only when a proxy was chosen; used only for the proxy origin it was stored for.
    proxyCredentials: (profile) => readProxyCredential(secrets, profile.id),
  };
  if (options.resolveSystemProxy) {
    const resolve = cachedProxyResolver(options.resolveSystemProxy);
    routing.systemProxy = { name: ROUTE_WORDS.systemSettings, resolve, directIsFinal: false };
  }
  return routing;
}

/** The given transport (left open: the caller owns it), or a new real one that dispose closes. */
function transportFor(given: Transport | undefined): { transport: Transport; close(): void } {
  if (given) return { transport: given, close: () => {} };
  const created = createHttpTransport();
  return { transport: created, close: () => created.close() };
}

export function createAppServices(options: AppServicesOptions): AppServices {
  const secrets = options.secrets ?? createKeytarStore();
  const profiles = new ProfileStore(options.dataDir);
  const http = transportFor(options.transport);
  const audit = createAuditLog({ dataDir: options.dataDir });
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const osUser = osUserName();
  const routing = routingFor(options, env, secrets);
  const locksWithSecret = (secretFor: SecretSource) =>
    createLockService({
      transport: http.transport,
      clock,
      secretFor,
      audit,
      source: options.source ?? 'gui',
      osUser,
      ...routing,
    });
  const locks = locksWithSecret(secretSourceFor(secrets));
  const inflight = createInflightRequests();
  const sandbox = createSandboxController({ profiles, secrets, launch: options.launchSandbox });

  return {
    profiles,
    secrets,
    locks,
    locksWithSecret,
    inflight,
    sandbox,
    audit,
    transport: http.transport,
    clock,
    osUser,
    proxyEnv: env,
    routing,
    batchSignals: options.batchSignals,
    unsavedChanges: options.unsavedChanges,
    windowLanguage: options.windowLanguage,
    async dispose() {
      inflight.abortAll();
      try {
        await sandbox.stop();
      } finally {
        http.close();
        await audit.close();
      }
    },
  };
}
