import { describe, expect, it } from 'vitest';
import { noProxyMatches, proxyFromEnv } from '../../../../electron/core/koodrive/proxyFromEnv';

const KOODRIVE = 'https://intl.myhuaweicloud-koodrive.com';

describe('proxyFromEnv', () => {
  it('is undefined when no proxy variable is set, or it is blank', () => {
    expect(proxyFromEnv(KOODRIVE, {})).toBeUndefined();
    expect(proxyFromEnv(KOODRIVE, { HTTPS_PROXY: '   ', https_proxy: '' })).toBeUndefined();
  });

  it('uses HTTPS_PROXY or https_proxy, the lower-case spelling first', () => {
    expect(proxyFromEnv(KOODRIVE, { HTTPS_PROXY: 'http://upper:3128' })).toBe('http://upper:3128');
    expect(proxyFromEnv(KOODRIVE, { https_proxy: 'http://lower:3128' })).toBe('http://lower:3128');
    expect(proxyFromEnv(KOODRIVE, { https_proxy: 'http://lower:3128', HTTPS_PROXY: 'http://upper:3128' })).toBe(
      'http://lower:3128',
    );
  });

  it('ignores HTTP_PROXY and ALL_PROXY: only HTTPS is proxied', () => {
    expect(
      proxyFromEnv(KOODRIVE, { HTTP_PROXY: 'http://p:1', http_proxy: 'http://p:1', ALL_PROXY: 'http://p:1' }),
    ).toBeUndefined();
  });

  it('adds http:// to a proxy given without a scheme, and passes other schemes on for the transport to refuse', () => {
    expect(proxyFromEnv(KOODRIVE, { HTTPS_PROXY: 'proxy.corp:3128' })).toBe('http://proxy.corp:3128');
    expect(proxyFromEnv(KOODRIVE, { HTTPS_PROXY: 'socks5://proxy.corp:1080' })).toBe('socks5://proxy.corp:1080');
  });

  it('never proxies loopback targets (the local sandbox), whatever NO_PROXY says', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:3128' };
    for (const url of [
      'https://localhost:8443',
      'https://127.0.0.1:8443',
      'https://127.8.9.10',
      'https://[::1]:8443',
    ]) {
      expect(proxyFromEnv(url, env), url).toBeUndefined();
    }
    expect(proxyFromEnv('http://127.0.0.1:8080', env)).toBeUndefined();
  });

  it('is undefined for an unreadable base URL', () => {
    expect(proxyFromEnv('not a url', { HTTPS_PROXY: 'http://proxy.corp:3128' })).toBeUndefined();
  });

  it('honours NO_PROXY and no_proxy', () => {
    const proxy = 'http://proxy.corp:3128';
    expect(proxyFromEnv(KOODRIVE, { HTTPS_PROXY: proxy, NO_PROXY: 'myhuaweicloud-koodrive.com' })).toBeUndefined();
    expect(proxyFromEnv(KOODRIVE, { HTTPS_PROXY: proxy, no_proxy: '.myhuaweicloud-koodrive.com' })).toBeUndefined();
    expect(proxyFromEnv(KOODRIVE, { HTTPS_PROXY: proxy, NO_PROXY: 'other.example' })).toBe(proxy);
  });
});

describe('noProxyMatches', () => {
  it('matches a domain and its sub-domains, with or without a leading dot or *.', () => {
    for (const entry of ['example.com', '.example.com', '*.example.com', 'EXAMPLE.COM', 'example.com.']) {
      expect(noProxyMatches(entry, 'api.example.com', '443'), entry).toBe(true);
      expect(noProxyMatches(entry, 'example.com', '443'), entry).toBe(true);
    }
    expect(noProxyMatches('example.com', 'badexample.com', '443')).toBe(false);
    expect(noProxyMatches('example.com', 'example.com.evil.test', '443')).toBe(false);
  });

  it('accepts commas and spaces between entries and skips empty ones', () => {
    expect(noProxyMatches(' a.test ,, b.test  c.test', 'c.test', '443')).toBe(true);
    expect(noProxyMatches(',, ,', 'c.test', '443')).toBe(false);
  });

  it('* exempts every host', () => {
    expect(noProxyMatches('*', 'anything.example', '443')).toBe(true);
  });

  it('respects a port when an entry has one', () => {
    expect(noProxyMatches('example.com:8443', 'example.com', '8443')).toBe(true);
    expect(noProxyMatches('example.com:8443', 'example.com', '443')).toBe(false);
  });

  it('matches IP addresses exactly and IP ranges in CIDR form, never by suffix', () => {
    expect(noProxyMatches('10.1.2.3', '10.1.2.3', '443')).toBe(true);
    expect(noProxyMatches('2.3', '10.1.2.3', '443')).toBe(false);
    expect(noProxyMatches('10.0.0.0/8', '10.1.2.3', '443')).toBe(true);
    expect(noProxyMatches('10.0.0.0/8', '11.1.2.3', '443')).toBe(false);
    expect(noProxyMatches('10.0.0.0/8', 'ten.example', '443')).toBe(false);
    expect(noProxyMatches('fd00::/8', '[fd12::1]', '443')).toBe(true);
    expect(noProxyMatches('[fd12::1]:443', '[fd12::1]', '443')).toBe(true);
    expect(noProxyMatches('fd12::1', '[fd12::1]', '443')).toBe(true);
  });

  it('ignores malformed CIDR entries instead of matching everything', () => {
    for (const entry of ['10.0.0.0/99', 'nonsense/8', '10.0.0.0/x', '/8']) {
      expect(noProxyMatches(entry, '10.1.2.3', '443'), entry).toBe(false);
    }
  });
});
