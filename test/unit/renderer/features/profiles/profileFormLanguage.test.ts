import { afterAll, describe, expect, it } from 'vitest';
import { validationText } from '../../../../../shared/messages/validationText';
import {
  type DraftField,
  type FieldProblem,
  checkDraft,
  emptyDraft,
  fieldMessage,
} from '../../../../../renderer/src/features/profiles/profileForm';
import { checkNetworkFields } from '../../../../../renderer/src/features/profiles/profileNetwork';
import { localeReady, setLanguagePreference } from '../../../../../renderer/src/i18n';

const CJK = /[\u4e00-\u9fff]/;

/** A draft with a problem in every field the editor checks. */
function brokenDraft() {
  return {
    ...emptyDraft(),
    name: '',
    baseUrl: 'http://koodrive.example',
    userId: '１２3',
    authMode: 'app' as const,
    appId: 'has space',
    moduleCode: '10a',
  };
}

function problemsOf(draft: ReturnType<typeof emptyDraft>): [string, FieldProblem][] {
  return Object.entries(checkDraft(draft).problems).filter((entry): entry is [DraftField, FieldProblem] =>
    Boolean(entry[1]),
  );
}

describe("the profile editor's field problems in the window's language", () => {
  afterAll(async () => {
    setLanguagePreference('en');
    await localeReady();
  });

  it('carries, for every field problem, a message whose English text is the one main would give', () => {
    const problems = [
      ...problemsOf(brokenDraft()),
      ...problemsOf({ ...brokenDraft(), authMode: 'bearer', userId: '', bearerPrefix: 'two words' }),
      ...Object.entries(checkNetworkFields('http://user:pw@proxy.corp:3128', 'not a certificate')),
    ];
    expect(problems.map(([field]) => field).sort()).toEqual(
      [
        'appId',
        'baseUrl',
        'baseUrl',
        'bearerPrefix',
        'caPem',
        'moduleCode',
        'moduleCode',
        'name',
        'name',
        'proxyUrl',
        'userId',
        'userId',
      ].sort(),
    );
    for (const [field, problem] of problems) {
      expect(problem.message, field).toBeDefined();
      if (problem.message) expect(validationText(problem.message), field).toBe(problem.english);
    }
  });

  it('says every problem in Chinese once Chinese is chosen, fragments after the field label', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    const problems = [
      ...problemsOf(brokenDraft()),
      ...problemsOf({ ...brokenDraft(), authMode: 'bearer', userId: '', bearerPrefix: 'two words' }),
      ...Object.entries(checkNetworkFields('http://user:pw@proxy.corp:3128', 'not a certificate')),
    ];
    for (const [field, problem] of problems) {
      const shown = fieldMessage('名称', problem as FieldProblem);
      expect(shown, field).toMatch(CJK);
      expect(shown, field).not.toMatch(/\b(is|must|the|enter)\b/i);
    }
    expect(fieldMessage('名称', { english: 'is required', message: { key: 'validation.field.required' } })).toBe(
      '名称：必填',
    );
  });
});
