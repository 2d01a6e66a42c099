import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { connectionFor } from '../../../../electron/core/koodrive/connectionFor';

const profile: Profile = {
  environment: 'other',
  id: 'p',
  name: 'P',
  baseUrl: 'https://koodrive.example.com',
  userId: '1',
  authMode: 'bearer',
  moduleCode: '102',
};

describe('connectionFor', () => {
  it('uses the profile CA and its own proxy, which wins over HTTPS_PROXY', () => {
    const env = { HTTPS_PROXY: 'http://env-proxy:3128' };
    expect(connectionFor({ ...profile, caPem: 'PEM', proxyUrl: 'http://own:8080' }, env)).toEqual({
      tls: { caPem: 'PEM' },
      proxyUrl: 'http://own:8080',
    });
  });

  it('takes HTTPS_PROXY for a profile without a proxy, unless NO_PROXY names the host', () => {
    expect(connectionFor(profile, { HTTPS_PROXY: 'env-proxy:3128' })).toEqual({ proxyUrl: 'http://env-proxy:3128' });
    expect(connectionFor(profile, { HTTPS_PROXY: 'env-proxy:3128', NO_PROXY: '.example.com' })).toEqual({});
  });

  it('sends directly with the default trust when neither the profile nor the environment says otherwise', () => {
    expect(connectionFor(profile, {})).toEqual({});
    expect(connectionFor({ ...profile, baseUrl: 'http://127.0.0.1:8080' }, { HTTPS_PROXY: 'p:1' })).toEqual({});
  });
});
