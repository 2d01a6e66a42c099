import { describe, expect, it } from 'vitest';
import { ProxyAddressError, parseProxyAddress, proxyForDisplay } from '../../../../electron/core/koodrive/proxyAddress';

describe('parseProxyAddress', () => {
  it('reads an http:// proxy without credentials: port 80 by default, no authorization', () => {
    expect(parseProxyAddress('http://proxy.corp')).toEqual({
      secure: false,
      hostname: 'proxy.corp',
      port: 80,
      host: 'proxy.corp',
      shown: 'http://proxy.corp',
      authorization: null,
      password: null,
    });
  });

  it('reads an https:// proxy (port 443 by default) and an IPv6 one without brackets in hostname', () => {
    expect(parseProxyAddress('https://proxy.corp')).toMatchObject({
      secure: true,
      port: 443,
      shown: 'https://proxy.corp',
    });
    expect(parseProxyAddress('http://[::1]:3128')).toMatchObject({ hostname: '::1', port: 3128, host: '[::1]:3128' });
  });

  it('turns URL-encoded credentials into Basic, decoded, and never shows them', () => {
    const address = parseProxyAddress('http://corp%5Calice:p%40ss%3Aw%2Frd%25@proxy.corp:3128');
    expect(address.authorization).toBe(`Basic ${Buffer.from('corp\\alice:p@ss:w/rd%').toString('base64')}`);
    expect(address.password).toBe('p@ss:w/rd%');
    expect(address.shown).toBe('http://proxy.corp:3128');
    expect(address.host).toBe('proxy.corp:3128');
  });

  it('a user name without a password is Basic "user:"', () => {
    expect(parseProxyAddress('http://alice@proxy.corp:3128').authorization).toBe(
      `Basic ${Buffer.from('alice:').toString('base64')}`,
    );
  });

  it.each([
    ['not a url', /not a valid URL/],
    ['socks5://proxy.corp:1080', /Only http:\/\/ and https:\/\/ proxies/],
    ['http://alice:%E0%A4%A@proxy.corp:3128', /not valid URL encoding/],
  ])('refuses %j with a message that does not repeat it', (raw, message) => {
    expect(() => parseProxyAddress(raw)).toThrow(ProxyAddressError);
    expect(() => parseProxyAddress(raw)).toThrow(message);
    try {
      parseProxyAddress(raw);
    } catch (error) {
      expect((error as Error).message).not.toContain('%E0');
    }
  });
});

describe('proxyForDisplay', () => {
  it('drops the user name and password and says they were given', () => {
    expect(proxyForDisplay('http://alice:secret@proxy.corp:3128')).toBe(
      'http://proxy.corp:3128 (with a user name and password, not shown)',
    );
    expect(proxyForDisplay('https://proxy.corp:3129')).toBe('https://proxy.corp:3129');
    expect(proxyForDisplay('::nonsense')).toBe('(not a valid URL)');
  });
});
