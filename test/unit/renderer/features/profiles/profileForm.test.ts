import { describe, expect, it } from 'vitest';
import {
  checkDraft,
  draftEnvironment,
  draftToInput,
  emptyDraft,
} from '../../../../../renderer/src/features/profiles/profileForm';

function draft(overrides: Partial<ReturnType<typeof emptyDraft>>) {
  return { ...emptyDraft(), name: 'Tenant', baseUrl: 'https://intl.myhuaweicloud-koodrive.com', ...overrides };
}

describe('the profile form as a tenant connection', () => {
  it('takes the environment from the host until one is chosen', () => {
    expect(draftEnvironment(draft({}))).toBe('production');
    expect(draftEnvironment(draft({ baseUrl: 'http://127.0.0.1:8443' }))).toBe('sandbox');
    expect(draftEnvironment(draft({ baseUrl: 'https://koodrive.example' }))).toBe('other');
    expect(draftEnvironment(draft({ environment: 'staging' }))).toBe('staging');
    expect(draftToInput(draft({})).environment).toBe('production');
  });

  it('makes the user optional for app authentication', () => {
    const check = checkDraft(draft({ authMode: 'app', appId: 'com.example.app' }));
    expect(check.problems).toEqual({});
    expect(check.input).not.toBeNull();
    expect(check.input?.userId).toBeUndefined();
  });

  it('requires the token’s user for a bearer profile, next to the user field', () => {
    const check = checkDraft(draft({ authMode: 'bearer' }));
    expect(check.input).toBeNull();
    expect(check.problems.userId?.english).toMatch(/bearer token belongs to one user/);
    expect(check.problems.appId).toBeUndefined();
  });

  it('keeps a 19-digit default user as text', () => {
    const input = draftToInput(draft({ authMode: 'app', appId: 'a', userId: '1505084218764547200' }));
    expect(input.userId).toBe('1505084218764547200');
  });
});
