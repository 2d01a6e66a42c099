import type { SandboxInfo } from '../../shared/contract';
import { isLoopbackHost } from '../../shared/identifiers';
import type { Profile } from '../../shared/profile';
import { storeProfileSecret } from '../core/secrets/boundSecret';
import type { ProfileStore } from '../core/profiles/profileStore';
import type { RunningSandbox } from '../sandbox/server';
import type { SecretStore } from '../core/secrets/secretStore';
import { AppError } from '../ipc/appError';
import type { SandboxController } from '../ipc/handlerServices';

export const SANDBOX_PROFILE_ID = 'sandbox';
const SANDBOX_PROFILE_NAME = 'Sandbox';
const SANDBOX_MODULE_CODE = '102';
const SANDBOX_PROFILE_SLOTS = [
  { id: SANDBOX_PROFILE_ID, name: SANDBOX_PROFILE_NAME },
  { id: 'practice-sandbox', name: 'Practice sandbox' },
] as const;

/** The sandbox's own profile: tagged Sandbox and pointing at plain http on this computer. */
function isSandboxProfile(profile: Profile): boolean {
  if (profile.environment !== 'sandbox') return false;
  try {
    const url = new URL(profile.baseUrl);
    return url.protocol === 'http:' && isLoopbackHost(url.hostname);
  } catch {
    return false;
  }
}

export type SandboxServer = Pick<RunningSandbox, 'url' | 'credentials' | 'activeLockIds' | 'activeLocks' | 'stop'>;

export interface SandboxControllerDeps {
  profiles: Pick<ProfileStore, 'list' | 'save'>;
  secrets: SecretStore;
  /** Starts the server; the real one listens on 127.0.0.1 on a free port. */
  launch?: () => Promise<SandboxServer>;
}

const STOPPED: SandboxInfo = { running: false, baseUrl: null, profileId: null, activeLockIds: [], activeLocks: [] };

export function createSandboxController(deps: SandboxControllerDeps): SandboxController {
  // Loaded on first use: the server and its certificate generator are no part of the app's start
  // (docs/benchmarks.md, desktop start-up).
  const launch =
    deps.launch ?? (async () => (await import('../sandbox/server')).startSandbox({ host: '127.0.0.1', port: 0 }));
  let server: SandboxServer | null = null;
  let profileId: string | null = null;
  // start and stop run one after the other, so two clicks never start two servers.
  let queue: Promise<unknown> = Promise.resolve();

  function status(): SandboxInfo {
    if (!server) return { ...STOPPED, activeLockIds: [], activeLocks: [] };
    return {
      running: true,
      baseUrl: server.url,
      profileId,
      activeLockIds: [...server.activeLockIds()],
      activeLocks: server.activeLocks().map(({ userId, lockId }) => ({ userId, lockId })),
    };
  }

  function serialized<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Creates or updates the sandbox's own profile. A profile that merely has its id or name but points
   * somewhere real is never overwritten: the practice profile then takes the next free slot.
   */
  async function saveOwnProfile(started: SandboxServer): Promise<Profile> {
    const fields = {
      baseUrl: started.url,
      userId: started.credentials.userId,
      authMode: 'app' as const,
      appId: started.credentials.appId,
      environment: 'sandbox' as const,
      moduleCode: SANDBOX_MODULE_CODE,
    };
    const existing = await deps.profiles.list();
    for (const slot of SANDBOX_PROFILE_SLOTS) {
      const byId = existing.find((profile) => profile.id === slot.id);
      if (byId) {
        if (isSandboxProfile(byId)) return deps.profiles.save({ ...fields, id: slot.id, name: byId.name });
        continue;
      }
      if (existing.some((profile) => profile.name.toLowerCase() === slot.name.toLowerCase())) continue;
      // Saving without an id creates the profile; its id is the name's slug.
      return deps.profiles.save({ ...fields, name: slot.name });
    }
    throw new AppError(
      'invalid-argument',
      `The profiles "${SANDBOX_PROFILE_SLOTS.map((slot) => slot.name).join('" and "')}" exist and point elsewhere, so the practice sandbox did not overwrite them. Rename one of them and start the sandbox again.`,
    );
  }

  async function doStart(): Promise<SandboxInfo> {
    if (server) return status();
    let started: SandboxServer;
    try {
      started = await launch();
    } catch {
      throw new AppError(
        'internal',
        'The local sandbox could not start on 127.0.0.1. Close other copies of the app and try again.',
      );
    }
    try {
      const saved = await saveOwnProfile(started);
      await storeProfileSecret(deps.secrets, saved, started.credentials.appSecret);
      profileId = saved.id;
    } catch (error) {
      await started.stop().catch(() => undefined);
      throw error;
    }
    server = started;
    return status();
  }

  async function doStop(): Promise<SandboxInfo> {
    const running = server;
    server = null;
    profileId = null;
    if (running) await running.stop();
    return status();
  }

  return {
    start: () => serialized(doStart),
    stop: () => serialized(doStop),
    status,
  };
}
