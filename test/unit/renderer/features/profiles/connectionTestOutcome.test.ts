import { afterAll, describe, expect, it } from 'vitest';
import { message } from '../../../../../shared/messages/message';
import { localeReady, setLanguagePreference } from '../../../../../renderer/src/i18n';
import type { ConnectionReport, ConnectionStep } from '../../../../../shared/diagnostics';
import { connectionTestOutcome } from '../../../../../renderer/src/features/profiles/connectionTestOutcome';

function step(name: ConnectionStep['step'], ok: boolean | null, remedy: string | null = null): ConnectionStep {
  return { step: name, ok, durationMs: 3, detail: `${name} detail`, remedy };
}

function report(steps: ConnectionStep[]): ConnectionReport {
  return { profileId: 'staging', host: 'koodrive.example', steps };
}

describe('the outcome of Test connection', () => {
  it('passes when no step failed (TLS skipped on plain http counts as not failed)', () => {
    const outcome = connectionTestOutcome(
      report([step('dns', true), step('tcp', true), step('tls', null), step('http', true), step('auth', true)]),
    );
    expect(outcome).toEqual({
      passed: true,
      summary: 'The connection to koodrive.example works: every check passed.',
      detail: null,
      remedy: null,
    });
  });

  it('names the first failed step with main’s detail and remedy', () => {
    const outcome = connectionTestOutcome(
      report([step('dns', true), step('tcp', false, 'Check the port.'), step('tls', null), step('auth', false)]),
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.summary).toBe('The connection to koodrive.example failed at “TCP connection”.');
    expect(outcome.detail).toBe('tcp detail');
    expect(outcome.remedy).toBe('Check the port.');
  });

  it('gives the failed step’s detail in the window’s language', async () => {
    const refused: ConnectionStep = {
      ...step('tcp', false, 'Check the port.'),
      detail: 'The connection to koodrive.example:443 was refused (ECONNREFUSED).',
      detailMessage: message('detail.tcp.refused', { what: 'koodrive.example:443' }),
    };
    expect(connectionTestOutcome(report([step('dns', true), refused])).detail).toBe(refused.detail);
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(connectionTestOutcome(report([step('dns', true), refused])).detail).toBe(
      '到 koodrive.example:443 的连接被拒绝（ECONNREFUSED）。',
    );
  });

  afterAll(async () => {
    setLanguagePreference('en');
    await localeReady();
  });
});
