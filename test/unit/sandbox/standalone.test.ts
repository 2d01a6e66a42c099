import { describe, expect, it } from 'vitest';
import { parseStandaloneArgs } from '../../../electron/sandbox/standaloneArgs';
import { standaloneBanner } from '../../../electron/sandbox/standaloneBanner';
import type { RunningSandbox } from '../../../electron/sandbox/types';

describe('parseStandaloneArgs', () => {
  it('defaults to a random port on 127.0.0.1, printing requests', () => {
    expect(parseStandaloneArgs([])).toEqual({ kind: 'run', options: { quiet: false, port: 0, stuckBackup: true } });
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
        stuckBackup: true,
        https: true,
        host: 'localhost',
        credentials: { token: 't', appId: 'a', appSecret: 's=1', userId: '1234567890123456789' },
      },
    });
    expect(parseStandaloneArgs(['--host', '[::1]'])).toMatchObject({ options: { host: '::1' } });
    expect(parseStandaloneArgs(['-h'])).toEqual({ kind: 'help' });
  });

  it('reads the gateway and seeding flags as numbers', () => {
    expect(
      parseStandaloneArgs([
        '--rate',
        '0.5',
        '--burst=4',
        '--latency',
        '80',
        '--jitter',
        '30',
        '--seed',
        '2000',
        '--seed-users',
        '50',
      ]),
    ).toEqual({
      kind: 'run',
      options: {
        quiet: false,
        port: 0,
        stuckBackup: true,
        rate: 0.5,
        burst: 4,
        latencyMs: 80,
        jitterMs: 30,
        seed: 2000,
        seedUsers: 50,
      },
    });
  });

  it.each([
    [['--rate', '-1'], /--rate takes a number of requests per second/],
    [['--rate', 'fast'], /--rate takes/],
    [['--burst', '1.5'], /--burst takes a whole number/],
    [['--seed', '1e3'], /--seed takes a whole number of locks, not "1e3"/],
    [['--latency', '20ms'], /--latency takes a number of milliseconds/],
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
  const own = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@100';
  const others = '0b7a7c1e-1111-4d55-85b3-8153e4fefd2e@101';
  const sandbox = {
    url: 'http://127.0.0.1:41234',
    credentials: { userId: '1234567890123456789', token: 'tok', appId: 'app', appSecret: 'sec' },
    seededLockIds: [own],
    seededLocks: [
      { userId: '1234567890123456789', lockId: own, moduleCode: '100' },
      { userId: '1505084218764547200', lockId: others, moduleCode: '101' },
    ],
  } as RunningSandbox;

  it('prints the URL, both credential sets, the seeded locks by user, and an example that works for each mode', () => {
    const text = standaloneBanner(sandbox, null);
    for (const part of ['http://127.0.0.1:41234', '1234567890123456789', 'tok', 'app', 'sec', own, others]) {
      expect(text).toContain(part);
    }
    expect(text).toContain('User 1505084218764547200:');
    expect(text).toContain(
      `KOODRIVE_TOKEN=tok koodrive-lock release --base-url http://127.0.0.1:41234 --user-id 1234567890123456789 --auth bearer ${own}`,
    );
    expect(text).toContain(
      `KOODRIVE_APP_SECRET=sec koodrive-lock release --base-url http://127.0.0.1:41234 --user-id 1505084218764547200 --auth app --app-id app ${others}`,
    );
    expect(text).not.toContain('NODE_EXTRA_CA_CERTS');
  });

  it('uses two different locks of the sandbox user when no other user has one, and placeholders when none was seeded', () => {
    const second = '5d0a7c1e-2222-4d55-85b3-8153e4fefd2e@101';
    const oneUser = standaloneBanner(
      {
        ...sandbox,
        seededLocks: [sandbox.seededLocks[0], { userId: '1234567890123456789', lockId: second, moduleCode: '101' }],
      },
      null,
    );
    expect(oneUser).toMatch(new RegExp(`--user-id 1234567890123456789 --auth bearer ${own}`));
    expect(oneUser).toMatch(new RegExp(`--user-id 1234567890123456789 --auth app --app-id app ${second}`));
    const none = standaloneBanner({ ...sandbox, seededLockIds: [], seededLocks: [] }, null);
    expect(none).toContain('No stuck locks were seeded.');
    expect(none).toContain('--auth bearer <lockId>');
  });

  it('lists at most 5 locks of at most 4 users, and says where the rest are', () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      userId: String(1234567890123456789n + BigInt(i % 6)),
      lockId: `lock-${i}@102`,
      moduleCode: '102',
    }));
    const text = standaloneBanner({ ...sandbox, seededLocks: many }, null);
    expect(text).toContain('60 of 6 users');
    expect(text.match(/^ {4}lock-/gm)).toHaveLength(20);
    expect(text).toContain('... and 5 more');
    expect(text).toContain('... and 2 more users');
    expect(text).toContain('GET /_sandbox/locks');
  });

  it('prints the stuck-backup scenario with a signed-by-token curl of its records, or nothing without one', () => {
    const stuck = {
      userId: '1234567890123456789',
      moduleCode: '102',
      recordId: '1842862763295184641',
      createTime: '2025-01-15T02:30:00.000Z',
      lockId: 'c0ffee00-1111-4d55-85b3-8153e4fefd2e@102',
    };
    const text = standaloneBanner({ ...sandbox, stuckBackup: stuck }, '/tmp/dir/sandbox-ca.pem');
    expect(text).toContain('Stuck backup to practise on');
    expect(text).toContain(
      "User 1234567890123456789 (the token's user), module 102: backup record 1842862763295184641 in progress since",
    );
    expect(text).toContain('2025-01-15T02:30:00.000Z (6 hours before start), no completed backup since, and lock');
    expect(text).toContain(`${stuck.lockId} still held.`);
    expect(text).toContain(
      `curl -s --cacert /tmp/dir/sandbox-ca.pem -H 'Authorization: Bearer tok' -H 'X-User-Id: 1234567890123456789' -H "X-Date: $(date -u +%Y%m%dT%H%M%SZ)" 'http://127.0.0.1:41234/koodrive/ose/v1/backup/record?moduleCode=102&pageSize=5'`,
    );
    expect(text).toContain('http://127.0.0.1:41234/_sandbox/stuck-backup');
    expect(standaloneBanner({ ...sandbox, stuckBackup: null }, null)).not.toContain('Stuck backup');
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
