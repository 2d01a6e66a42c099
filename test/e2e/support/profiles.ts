import type { RunningSandbox } from '../../../electron/sandbox/server';
import type { Handlers } from '../../../shared/contract';
import type { Profile } from '../../../shared/profile';

/** Saves a bearer profile for a test's sandbox through the real handlers, with its token in the keychain. */
export async function saveSandboxProfile(
  handlers: Handlers,
  sandbox: RunningSandbox,
  options: { name?: string; token?: string } = {},
): Promise<Profile> {
  const profile = await handlers.saveProfile({
    name: options.name ?? 'Staging',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    authMode: 'bearer',
    moduleCode: '102',
  });
  await handlers.setSecret({ profileId: profile.id, secret: options.token ?? sandbox.credentials.token });
  return profile;
}
