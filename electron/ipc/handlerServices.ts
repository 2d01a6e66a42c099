import type { SandboxInfo } from '../../shared/contract';
import type { AuditLog } from '../core/audit/auditLog';
import type { Clock } from '../core/clock';
import type { Routing } from '../core/koodrive/connectionFor';
import type { ProxyEnv } from '../core/koodrive/proxyFromEnv';
import type { Transport } from '../core/koodrive/transport';
import type { SecretSource } from '../core/lockRequest';
import type { LockService } from '../core/lockService';
import type { ProfileStore } from '../core/profiles/profileStore';
import type { SecretStore } from '../core/secrets/secretStore';
import type { BatchSignalPort } from './batchSignalPort';
import type { InflightRequests } from './inflightRequests';
import type { UnsavedChangesPort } from './unsavedChangesPort';
import type { WindowLanguagePort } from './windowLanguagePort';

/** The embedded KooDrive sandbox, and the "Sandbox" profile that points at it (electron/app/sandboxController.ts). */
export interface SandboxController {
  /** Starts the sandbox (or returns the running one) and creates or updates the Sandbox profile. */
  start(): Promise<SandboxInfo>;
  stop(): Promise<SandboxInfo>;
  status(): SandboxInfo;
}

/** Everything the IPC handlers use; the composition root (electron/app/services.ts) builds it. */
export interface HandlerServices {
  profiles: Pick<ProfileStore, 'list' | 'save' | 'remove'>;
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
  /** The whole proxy routing of every request and check: env, system proxy (window), stored proxy password. */
  routing: Routing;
  /** Taskbar progress and the "batch ended" notification of the desktop app; absent elsewhere. */
  batchSignals?: BatchSignalPort;
  /** The desktop shell's close guard (asks before unsaved profile edits are lost); absent elsewhere. */
  unsavedChanges?: UnsavedChangesPort;
  /** The desktop shell's language for its menu, notifications and dialogs; absent elsewhere. */
  windowLanguage?: WindowLanguagePort;
}
