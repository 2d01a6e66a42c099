import { describe, expect, it } from 'vitest';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore';
import {
  basicProxyAuthorization,
  clearProxyCredential,
  proxyCredentialAccount,
  proxyCredentialProblem,
  proxyCredentialStatus,
  proxyOriginOf,
  readProxyCredential,
  storeProxyCredential,
} from '../../../../electron/core/secrets/proxyCredential';

describe('the proxy credential entry', () => {
  it('lives under <profileId>:proxy, next to (never instead of) the profile secret', async () => {
    const store = createMemorySecretStore({ entries: { prod: 'main-secret' } });
    await storeProxyCredential(store, 'prod', { proxy: 'HTTP://Proxy.Corp:3128/', user: 'alice', password: 'pw' });
    expect(proxyCredentialAccount('prod')).toBe('prod:proxy');
    expect(await store.get('prod')).toBe('main-secret');
    expect(await readProxyCredential(store, 'prod')).toEqual({
      proxy: 'http://proxy.corp:3128',
      user: 'alice',
      password: 'pw',
    });
    expect(await proxyCredentialStatus(store, 'prod')).toEqual({
      stored: true,
      proxy: 'http://proxy.corp:3128',
      user: 'alice',
    });
    expect(await clearProxyCredential(store, 'prod')).toBe(true);
    expect(await proxyCredentialStatus(store, 'prod')).toEqual({ stored: false });
    expect(await store.get('prod')).toBe('main-secret');
  });

  it('an entry this version did not write is not used', async () => {
    const store = createMemorySecretStore({ entries: { 'prod:proxy': 'plain-password' } });
    expect(await readProxyCredential(store, 'prod')).toBeNull();
  });

  it('origins: scheme, host and port only, default ports left out; anything else is no proxy', () => {
    expect(proxyOriginOf('http://proxy.corp:80')).toBe('http://proxy.corp');
    expect(proxyOriginOf('https://proxy.corp:443/x')).toBe('https://proxy.corp');
    expect(proxyOriginOf('http://u:p@proxy.corp:3128')).toBe('http://proxy.corp:3128');
    expect(proxyOriginOf('socks5://proxy.corp:1080')).toBeNull();
    expect(proxyOriginOf('not a url')).toBeNull();
  });

  it('refuses what Basic cannot carry, and builds the header', async () => {
    expect(proxyCredentialProblem('a:b', 'pw')).toMatch(/cannot contain ":"/);
    expect(proxyCredentialProblem('alice', 'pw\nx')).toMatch(/line breaks/);
    expect(proxyCredentialProblem('', 'pw')).not.toBeNull();
    expect(proxyCredentialProblem('alice', '')).not.toBeNull();
    await expect(
      storeProxyCredential(createMemorySecretStore(), 'p', { proxy: 'ftp://x', user: 'a', password: 'b' }),
    ).rejects.toThrow();
    expect(basicProxyAuthorization({ user: 'CORP\\alice', password: 'pä:ss' })).toBe(
      `Basic ${Buffer.from('CORP\\alice:pä:ss', 'utf8').toString('base64')}`,
    );
  });
});
