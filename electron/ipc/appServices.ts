import { type Clock, systemClock } from '../core/clock';
import { type AuditLog, createAuditLog } from '../core/audit/auditLog';
import { osUserName } from '../core/audit/osUser';
import { createHttpTransport } from '../core/koodrive/httpTransport';
import type { ProxyEnv } from '../core/koodrive/proxyFromEnv';
import type { Transport } from '../core/koodrive/transport';
import type { SecretSource } from '../core/lockRequest';
import { type LockService, createLockService } from '../core/lockService';
import { ProfileStore } from '../core/profiles/profileStore';
import { createKeytarStore } from '../core/secrets/keytarStore';
import { readProfileSecret } from '../core/secrets/boundSecret';
import type { SecretStore } from '../core/secrets/secretStore';
import { AppError } from './appError';
import { type InflightRequests, createInflightRequests } from './inflightRequests';
import { type SandboxController, type SandboxServer, createSandboxController } from './sandboxController';

/** Everything the IPC handlers use; built once per app (or per test) by createAppServices. */
export interface AppServices {
  profiles: Pick<ProfileStore, 'list' | 'find' | 'save' | 'remove'>;
  secrets: SecretStore;
  locks: Pick<LockService, 'run'>;
  /** A lock service like `locks` that takes the secret from `secretFor` (a batch reads the keychain once). */
  locksWithSecret(secretFor: SecretSource): Pick<LockService, 'run'>;
  inflight: InflightRequests;
  sandbox: SandboxController;
  /** The append-only audit log the lock service writes (read by the history). */
  audit: AuditLog;
  transport: Transport;
  clock: Clock;
  /** The OS user written to the audit log as the operator. */
  osUser: string;
  /** Where HTTPS_PROXY and NO_PROXY are read for every request and check (core/koodrive/connectionFor.ts). */
  proxyEnv: ProxyEnv;
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
}

export function secretSourceFor(secrets: SecretStore): SecretSource {
  return async (profile) => {
    const secret = await readProfileSecret(secrets, profile);
    if (secret === null) {
      const what = profile.authMode === 'app' ? 'app secret' : 'access token';
      throw new AppError(
        'not-found',
        `No ${what} is stored for the profile "${profile.name}" yet. Open the profile, paste the ${what} and save it. ` +
          'If you stored one before, your keychain may be locked: unlock it and try again.',
      );
    }
    return secret;
  };
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
  const locksWithSecret = (secretFor: SecretSource) =>
    createLockService({
      transport: http.transport,
      clock,
      secretFor,
      audit,
      source: options.source ?? 'gui',
      osUser,
      env,
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
