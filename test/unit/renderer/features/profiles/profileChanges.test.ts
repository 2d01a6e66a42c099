import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../../../shared/profile';
import { hasUnsavedChanges } from '../../../../../renderer/src/features/profiles/profileChanges';
import { draftFromProfile, emptyDraft } from '../../../../../renderer/src/features/profiles/profileForm';

const saved: Profile = {
  id: 'staging',
  name: 'Staging',
  baseUrl: 'https://staging.example',
  userId: '42',
  authMode: 'bearer',
  environment: 'staging',
  moduleCode: '102',
};

describe('unsaved changes in the profile editor', () => {
  const baseline = draftFromProfile(saved);

  it('sees none in the profile as saved', () => {
    expect(hasUnsavedChanges(baseline, draftFromProfile(saved), '')).toBe(false);
  });

  it('sees an edited field, a typed secret and an advanced field', () => {
    expect(hasUnsavedChanges(baseline, { ...baseline, name: 'Staging 2' }, '')).toBe(true);
    expect(hasUnsavedChanges(baseline, baseline, 'token')).toBe(true);
    expect(hasUnsavedChanges(baseline, { ...baseline, proxyUrl: 'http://proxy.example:3128' }, '')).toBe(true);
    expect(hasUnsavedChanges(baseline, { ...baseline, bearerPrefix: 'Token' }, '')).toBe(true);
  });

  it('ignores what saving would not send: blanks in the secret, an App ID in bearer mode', () => {
    expect(hasUnsavedChanges(baseline, baseline, '   ')).toBe(false);
    expect(hasUnsavedChanges(baseline, { ...baseline, appId: 'com.example' }, '')).toBe(false);
  });

  it('takes a field changed and changed back as unchanged', () => {
    const edited = { ...baseline, authMode: 'app' as const };
    expect(hasUnsavedChanges(baseline, edited, '')).toBe(true);
    expect(hasUnsavedChanges(baseline, { ...edited, authMode: 'bearer' }, '')).toBe(false);
  });

  it('sees a new profile with anything typed as unsaved, an empty one as not', () => {
    expect(hasUnsavedChanges(emptyDraft(), emptyDraft(), '')).toBe(false);
    expect(hasUnsavedChanges(emptyDraft(), { ...emptyDraft(), name: 'x' }, '')).toBe(true);
  });
});
