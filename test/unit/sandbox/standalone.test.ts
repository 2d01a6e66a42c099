import { describe, expect, it } from 'vitest';
import { parseStandaloneArgs } from '../../../electron/core/sandbox/standaloneArgs';
import { standaloneBanner } from '../../../electron/core/sandbox/standaloneBanner';
import type { RunningSandbox } from '../../../electron/core/sandbox/types';

describe('parseStandaloneArgs', () => {
  it('defaults to a random port on 127.0.0.1, printing requests', () => {
    expect(parseStandaloneArgs([])).toEqual({ kind: 'run', options: { quiet: false, port: 0 } });
  });

  it('reads every flag, with a space or "="', () => {
    expect(
      parseStandaloneArgs([
        '--port',
        '8443',
        '--https',
        '--host=localhost',
        '--token',
        't',
        '--app-id=a',
        '--app-secret',
        's=1',
        '--user-id',
        '1234567890123456789',
        '--quiet',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        quiet: true,
        port: 8443,
        https: true,
        host: 'localhost',
        credentials: { token: 't', appId: 'a', appSecret: 's=1', userId: '1234567890123456789' },
      },
    });
    expect(parseStandaloneArgs(['--host', '[::1]'])).toMatchObject({ options: { host: '::1' } });
    expect(parseStandaloneArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--host', '0.0.0.0'], /not a loopback address/],
    [['--host', '192.168.1.5'], /not a loopback address/],
    [['--port', '70000'], /0 to 65535/],
    [['--port', 'x'], /0 to 65535/],
    [['--port'], /needs a value/],
    [['--token='], /needs a value/],
    [['--verbose'], /Unknown option "--verbose"/],
  ])('refuses %j', (argv, problem) => {
    const parsed = parseStandaloneArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') expect(parsed.problem).toMatch(problem);
  });
});

describe('standaloneBanner', () => {
  const sandbox = {
    url: 'http://127.0.0.1:41234',
    credentials: { userId: '1234567890123456789', token: 'tok', appId: 'app', appSecret: 'sec' },
    seededLockIds: ['78e41c7e-db02-4d55-85b3-8153e4fefd2e@102'],
  } as RunningSandbox;

  it('prints the URL, both credential sets, the seeded locks and how to use them', () => {
    const text = standaloneBanner(sandbox, null);
    for (const part of ['http://127.0.0.1:41234', '1234567890123456789', 'tok', 'app', 'sec']) {
      expect(text).toContain(part);
    }
    expect(text).toContain(
      'KOODRIVE_TOKEN=tok npx koodrive-lock release --base-url http://127.0.0.1:41234 --user-id 1234567890123456789 --auth bearer 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
    );
    expect(text).toContain(
      'KOODRIVE_APP_SECRET=sec npx koodrive-lock release --base-url http://127.0.0.1:41234 --user-id 1234567890123456789 --auth app --app-id app 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
    );
    expect(text).not.toContain('NODE_EXTRA_CA_CERTS');
  });

  it('points HTTPS clients at the CA file and quotes shell-unsafe values', () => {
    const text = standaloneBanner(
      { ...sandbox, credentials: { ...sandbox.credentials, token: "it's" } },
      '/tmp/dir/sandbox-ca.pem',
    );
    expect(text).toContain('NODE_EXTRA_CA_CERTS=/tmp/dir/sandbox-ca.pem');
    expect(text).toContain('--cacert /tmp/dir/sandbox-ca.pem');
    expect(text).toContain(`KOODRIVE_TOKEN='it'\\''s'`);
  });
});
