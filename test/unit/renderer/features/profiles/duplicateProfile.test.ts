import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../shared/profile';
import { duplicateDraft, duplicateName } from '../../../../../renderer/src/features/profiles/duplicateProfile';
import { advancedFieldsSet } from '../../../../../renderer/src/features/profiles/advancedFields';
import { emptyDraft } from '../../../../../renderer/src/features/profiles/profileForm';

const profile: Profile = {
  id: 'prod-intl',
  name: 'Prod Intl',
  baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
  authMode: 'app',
  appId: 'com.example.partner',
  environment: 'production',
  moduleCode: '101',
  proxyUrl: 'http://proxy.example:3128',
};

describe('Duplicate profile', () => {
  it('names the copy "<name> (copy)", then numbers further copies', () => {
    expect(duplicateName('Prod Intl', ['Prod Intl'])).toBe('Prod Intl (copy)');
    expect(duplicateName('Prod Intl', ['Prod Intl', 'Prod Intl (copy)'])).toBe('Prod Intl (copy 2)');
    expect(duplicateName('Prod Intl', ['prod intl (COPY)', 'Prod Intl (copy 2)'])).toBe('Prod Intl (copy 3)');
  });

  it('keeps the name within the 64 characters a name may have', () => {
    const long = 'n'.repeat(64);
    const name = duplicateName(long, [long]);
    expect(name).toHaveLength(64);
    expect(name.endsWith(' (copy)')).toBe(true);
  });

  it('copies every field but the id and the name, and nothing of the secret', () => {
    const draft = duplicateDraft(profile, ['Prod Intl']);
    expect(draft.id).toBeUndefined();
    expect(draft).toMatchObject({
      name: 'Prod Intl (copy)',
      baseUrl: profile.baseUrl,
      authMode: 'app',
      appId: 'com.example.partner',
      environment: 'production',
      moduleCode: '101',
      proxyUrl: 'http://proxy.example:3128',
    });
    expect(Object.keys(draft).some((key) => /secret|token/i.test(key))).toBe(false);
  });
});

describe('the Advanced section', () => {
  it('counts as set with a proxy, a CA or a bearer prefix, not with a prefix left from bearer in app mode', () => {
    expect(advancedFieldsSet(emptyDraft())).toBe(false);
    expect(advancedFieldsSet({ ...emptyDraft(), proxyUrl: 'http://proxy.example:3128' })).toBe(true);
    expect(advancedFieldsSet({ ...emptyDraft(), caPem: '-----BEGIN CERTIFICATE-----' })).toBe(true);
    expect(advancedFieldsSet({ ...emptyDraft(), bearerPrefix: 'Token' })).toBe(true);
    expect(advancedFieldsSet({ ...emptyDraft(), authMode: 'app', bearerPrefix: 'Token' })).toBe(false);
  });
});
