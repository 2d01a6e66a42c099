/**
 * The profile's proxy user name and password in the keychain (core/secrets/proxyCredential.ts). The
 * password crosses renderer → main once, in setProxyPassword, and never comes back: the status says only
 * whether one is stored, for which proxy origin and user.
 */
import type { Handlers, ProxyPasswordStatus } from '../../shared/contract';
import { proxyUrlProblem } from '../../shared/profile';
import { profileById } from '../core/profiles/profileById';
import {
  type ProxyCredentialStatus,
  clearProxyCredential,
  proxyCredentialProblem,
  proxyCredentialStatus,
  proxyOriginOf,
  storeProxyCredential,
} from '../core/secrets/proxyCredential';
import { AppError } from './appError';
import type { HandlerServices } from './handlerServices';

export type ProxyPasswordMethod = 'proxyPasswordStatus' | 'setProxyPassword' | 'clearProxyPassword';

export function createProxyPasswordHandlers(services: HandlerServices): Pick<Handlers, ProxyPasswordMethod> {
  const { profiles, secrets } = services;
  const statusOf = (status: ProxyCredentialStatus): ProxyPasswordStatus => ({
    stored: status.stored,
    proxy: status.proxy ?? null,
    user: status.user ?? null,
    store: secrets.label,
  });

  return {
    async proxyPasswordStatus({ profileId }) {
      await profileById(profiles, profileId);
      return statusOf(await proxyCredentialStatus(secrets, profileId));
    },

    async setProxyPassword({ profileId, proxyUrl, user, password }) {
      const profile = await profileById(profiles, profileId);
      const forProxy = proxyUrl ?? profile.proxyUrl;
      if (forProxy === undefined) {
        throw new AppError(
          'invalid-argument',
          'proxyUrl: the profile has no proxy; name the proxy the password is for (one the system settings or PAC choose).',
        );
      }
      const urlProblem = proxyUrlProblem(forProxy);
      const origin = proxyOriginOf(forProxy);
      if (urlProblem || origin === null)
        throw new AppError('invalid-argument', `proxyUrl: ${urlProblem ?? 'not a URL'}`);
      const problem = proxyCredentialProblem(user, password);
      if (problem) throw new AppError('invalid-argument', problem);
      await storeProxyCredential(secrets, profileId, { proxy: origin, user, password });
      return statusOf({ stored: true, proxy: origin, user });
    },

    async clearProxyPassword({ profileId }) {
      await clearProxyCredential(secrets, profileId);
      return statusOf({ stored: false });
    },
  };
}
