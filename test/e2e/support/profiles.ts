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

export interface AppProfileOptions {
  /** Default "Staging app". */
  name?: string;
  /** Default the sandbox's App secret. */
  secret?: string;
  /** Default the sandbox's URL (a proxy in front of it, for example). */
  baseUrl?: string;
  /** A default user for new operations; default true (the sandbox's user). */
  defaultUser?: boolean;
  /** Default 102. */
  moduleCode?: string;
  /** Trust the HTTPS sandbox's own CA. */
  trustSandboxCa?: boolean;
}

/** Saves an app-authentication profile for a test's sandbox through the real handlers, with its secret in the keychain. */
export async function saveSandboxAppProfile(
  handlers: Handlers,
  sandbox: RunningSandbox,
  options: AppProfileOptions = {},
): Promise<Profile> {
  const profile = await handlers.saveProfile({
    name: options.name ?? 'Staging app',
    baseUrl: options.baseUrl ?? sandbox.url,
    ...(options.defaultUser === false ? {} : { userId: sandbox.credentials.userId }),
    authMode: 'app',
    appId: sandbox.credentials.appId,
    moduleCode: options.moduleCode ?? '102',
    ...(options.trustSandboxCa && sandbox.caPem ? { caPem: sandbox.caPem } : {}),
  });
  await handlers.setSecret({ profileId: profile.id, secret: options.secret ?? sandbox.credentials.appSecret });
  return profile;
}
