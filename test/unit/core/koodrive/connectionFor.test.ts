import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { connectionFor } from '../../../../electron/core/koodrive/connectionFor';
import type { ProxyCredential } from '../../../../electron/core/secrets/proxyCredential';
import { english } from '../../../../shared/messages/english';
import type { Message } from '../../../../shared/messages/template';

function noteText(note: Message | null): string {
  return note === null ? '' : english(note);
}

const profile: Profile = {
  environment: 'other',
  id: 'p',
  name: 'P',
  baseUrl: 'https://koodrive.example.com',
  userId: '1',
  authMode: 'bearer',
  moduleCode: '102',
};

const stored: ProxyCredential = { proxy: 'http://proxy.corp:3128', user: 'alice', password: 'pw-secret' };
const basic = `Basic ${Buffer.from('alice:pw-secret').toString('base64')}`;

describe('connectionFor', () => {
  it("uses the profile's own proxy and CA before anything in the environment", async () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128' };
    const routed = await connectionFor({ ...profile, caPem: 'PEM', proxyUrl: 'http://own:8080' }, { env });
    expect(routed.settings).toEqual({
      tls: { caPem: 'PEM' },
      proxyUrl: 'http://own:8080',
      proxyReason: 'set in the profile',
    });
  });

  it('falls back to HTTPS_PROXY unless NO_PROXY exempts the host, and says why', async () => {
    const viaEnv = await connectionFor(profile, { env: { HTTPS_PROXY: 'env-proxy:3128' } });
    expect(viaEnv.settings.proxyUrl).toBe('http://env-proxy:3128');
    expect(viaEnv.decision.reason).toBe('HTTPS_PROXY');
    const exempt = await connectionFor(profile, { env: { HTTPS_PROXY: 'env-proxy:3128', NO_PROXY: '.example.com' } });
    expect(exempt.settings.proxyUrl).toBeUndefined();
    expect(exempt.decision.reason).toBe('NO_PROXY exempts the host');
  });

  it('connects directly when nothing names a proxy', async () => {
    const routed = await connectionFor(profile, {});
    expect(routed.settings).toEqual({ proxyReason: 'direct; system proxy: not available in this host' });
  });

  it("adds the keychain's proxy credentials only for exactly the proxy origin they were stored for", async () => {
    const proxyCredentials = async () => stored;
    const same = await connectionFor({ ...profile, proxyUrl: 'http://PROXY.corp:3128/' }, { proxyCredentials });
    expect(same.settings.proxyAuthorization).toBe(basic);
    expect(same.credentialNote).toBeNull();
    for (const other of ['http://proxy.corp:8080', 'https://proxy.corp:3128', 'http://evil.example:3128']) {
      const routed = await connectionFor({ ...profile, proxyUrl: other }, { proxyCredentials });
      expect(routed.settings.proxyAuthorization, other).toBeUndefined();
      expect(noteText(routed.credentialNote)).toContain('stored for http://proxy.corp:3128');
      expect(noteText(routed.credentialNote)).not.toContain('pw-secret');
    }
  });

  it('leaves run-time credentials in the proxy URL alone and never reads the keychain without a proxy', async () => {
    let reads = 0;
    const proxyCredentials = async () => {
      reads += 1;
      return stored;
    };
    const env = { HTTPS_PROXY: 'http://bob:given@proxy.corp:3128' };
    const routed = await connectionFor(profile, { env, proxyCredentials });
    expect(routed.settings.proxyAuthorization).toBeUndefined();
    await connectionFor(profile, { proxyCredentials });
    expect(reads).toBe(0);
  });

  it('a keychain that cannot be read leaves the request without credentials and says why', async () => {
    const routed = await connectionFor(
      { ...profile, proxyUrl: 'http://proxy.corp:3128' },
      {
        proxyCredentials: async () => {
          throw new Error('The keychain is locked.');
        },
      },
    );
    expect(routed.settings.proxyAuthorization).toBeUndefined();
    expect(noteText(routed.credentialNote)).toContain('The keychain is locked.');
  });
});
