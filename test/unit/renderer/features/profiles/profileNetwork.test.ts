import { describe, expect, it } from 'vitest';
import {
  certificateCount,
  checkNetworkFields,
  networkFieldProblem,
} from '../../../../../renderer/src/features/profiles/profileNetwork';
import { profileInputSchema } from '../../../../../shared/profile';
import { safeParse } from '../../../../../shared/schema';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIU\n-----END CERTIFICATE-----';

describe('the profile editor’s proxy and CA checks (the shared schema, field by field)', () => {
  it('accepts empty fields (not set), an http:// proxy and PEM text', () => {
    expect(checkNetworkFields('', '')).toEqual({});
    expect(checkNetworkFields('http://proxy.corp:3128', PEM)).toEqual({});
    expect(checkNetworkFields('http://127.0.0.1:8080/', `${PEM}\n${PEM}`)).toEqual({});
    expect(checkNetworkFields('https://proxy.corp:3129', '')).toEqual({});
  });

  it.each([
    ['proxy.corp:3128', /proxy is a URL|The proxy is http:\/\/host:port/],
    ['socks5://proxy.corp:1080', /The proxy is http:\/\/host:port \(or https:\/\/host:port/],
    ['http://user:secret@proxy.corp:3128', /Remove the user name and password/],
    ['http://proxy.corp:3128/path', /without a path/],
    ['http://proxy.corp:3128\nX-Injected: 1', /control characters/],
  ])('refuses the proxy %j', (proxy, message) => {
    expect(checkNetworkFields(proxy, '').proxyUrl?.english).toMatch(message);
  });

  it.each([
    ['not a certificate', /must be PEM text/],
    ['-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----', /must be PEM text/],
    [`${PEM}\ntrailing junk`, /must be PEM text/],
    [`-----BEGIN CERTIFICATE-----\n${'A'.repeat(262_145)}\n-----END CERTIFICATE-----`, /at most 262144/],
  ])('refuses the CA certificate %#', (pem, message) => {
    expect(checkNetworkFields('', pem).caPem?.english).toMatch(message);
  });

  it('agrees with the full schema: a value it accepts is accepted by main too', () => {
    const base = { name: 'x', baseUrl: 'https://koodrive.example', userId: '1', authMode: 'bearer', moduleCode: '100' };
    for (const proxyUrl of ['http://proxy.corp:3128', 'ftp://x', 'http://a:b@c:1']) {
      const full = safeParse(profileInputSchema, { ...base, proxyUrl });
      expect(networkFieldProblem('proxyUrl', proxyUrl) === undefined, proxyUrl).toBe(full.ok);
    }
  });

  it('counts the certificates of a bundle', () => {
    expect(certificateCount('')).toBe(0);
    expect(certificateCount(PEM)).toBe(1);
    expect(certificateCount(`${PEM}\n\n${PEM}\n${PEM}`)).toBe(3);
  });
});
