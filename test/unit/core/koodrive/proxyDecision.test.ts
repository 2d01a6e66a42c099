import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import {
  ProxyDecisionError,
  type SystemProxyStep,
  decideProxy,
  decisionWords,
} from '../../../../electron/core/koodrive/proxyDecision';

const profile: Profile = {
  environment: 'other',
  id: 'p',
  name: 'P',
  baseUrl: 'https://koodrive.example.com/api',
  userId: '1',
  authMode: 'bearer',
  moduleCode: '102',
};

function step(answer: string | Error, directIsFinal = true, asked: string[] = []): SystemProxyStep {
  return {
    name: 'PAC file /etc/corp.pac',
    directIsFinal,
    resolve: async (url) => {
      asked.push(url);
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
}

const env = { HTTPS_PROXY: 'http://env-proxy:3128' };

describe('decideProxy: profile → system/PAC → HTTPS_PROXY/NO_PROXY → direct', () => {
  it("takes the profile's proxy first and never asks the system", async () => {
    const asked: string[] = [];
    const decision = await decideProxy(
      { ...profile, proxyUrl: 'http://own:8080' },
      { env, systemProxy: step('DIRECT', true, asked) },
    );
    expect(decision).toEqual({ proxyUrl: 'http://own:8080', reason: 'set in the profile', notes: [] });
    expect(asked).toEqual([]);
  });

  it('then the PAC answer, asked with the base URL', async () => {
    const asked: string[] = [];
    const decision = await decideProxy(profile, {
      env,
      systemProxy: step('PROXY proxy.corp:3128; DIRECT', true, asked),
    });
    expect(decision.proxyUrl).toBe('http://proxy.corp:3128');
    expect(decision.reason).toBe('PAC file /etc/corp.pac: PROXY proxy.corp:3128');
    expect(asked).toEqual(['https://koodrive.example.com/api']);
  });

  it("a PAC's DIRECT is final; the system settings' DIRECT falls through to HTTPS_PROXY", async () => {
    const pac = await decideProxy(profile, { env, systemProxy: step('DIRECT', true) });
    expect(pac).toMatchObject({ proxyUrl: null, reason: 'PAC file /etc/corp.pac: DIRECT' });
    const system = await decideProxy(profile, {
      env,
      systemProxy: { ...step('DIRECT', false), name: 'system proxy settings' },
    });
    expect(system.proxyUrl).toBe('http://env-proxy:3128');
    expect(decisionWords(system)).toBe('HTTPS_PROXY; system proxy settings: DIRECT');
  });

  it('skips SOCKS entries for the next one and names them', async () => {
    const decision = await decideProxy(profile, { systemProxy: step('SOCKS5 10.0.0.1:1080; HTTPS secure.corp:8443') });
    expect(decision.proxyUrl).toBe('https://secure.corp:8443');
    expect(decision.notes).toEqual(['PAC file /etc/corp.pac: skipped SOCKS5 10.0.0.1:1080 (SOCKS is not supported)']);
  });

  it('refuses when the answer names nothing usable, or the PAC fails', async () => {
    await expect(decideProxy(profile, { env, systemProxy: step('SOCKS 10.0.0.1:1080') })).rejects.toThrow(
      /PAC file \/etc\/corp\.pac answered "SOCKS 10\.0\.0\.1:1080" for koodrive\.example\.com, and none of it can be used/,
    );
    const failing = decideProxy(profile, { env, systemProxy: step(new Error('FindProxyForURL is not defined')) });
    await expect(failing).rejects.toBeInstanceOf(ProxyDecisionError);
    await expect(failing).rejects.toThrow('PAC file /etc/corp.pac could not be evaluated for koodrive.example.com');
  });

  it('without a system step: says so, then HTTPS_PROXY, NO_PROXY or direct', async () => {
    expect(decisionWords(await decideProxy(profile, { env }))).toBe(
      'HTTPS_PROXY; system proxy: not available in this host',
    );
    const exempt = await decideProxy(profile, {
      env: { ...env, NO_PROXY: 'example.com' },
      systemProxyAbsent: 'no PAC given',
    });
    expect(decisionWords(exempt)).toBe('NO_PROXY exempts the host; system proxy: no PAC given');
    expect(await decideProxy(profile, {})).toMatchObject({ proxyUrl: null, reason: 'direct' });
  });
});
