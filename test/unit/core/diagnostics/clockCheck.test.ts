import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import type { Clock } from '../../../../electron/core/clock';
import { checkServerClock } from '../../../../electron/core/diagnostics/clockCheck';
import { type HttpTransport, createHttpTransport } from '../../../../electron/core/koodrive/httpTransport';
import { startSandbox } from '../../../../electron/sandbox/server';
import { type LocalServer, closedPort, startHttpServer } from '../../../support/servers';

const SERVER_TIME = Date.UTC(2025, 0, 15, 8, 30, 0);

function profileFor(baseUrl: string): Profile {
  return { environment: 'other', id: 'c', name: 'C', baseUrl, userId: '1', authMode: 'bearer', moduleCode: '102' };
}

/** A local clock that reads `localMs` at the first call, and moves 20 ms of monotonic time per call. */
function localClock(localMs: number): Clock {
  let monotonic = 0;
  return { now: () => new Date(localMs), monotonicMs: () => (monotonic += 20) };
}

describe('checkServerClock over real HTTP', () => {
  let transport: HttpTransport;
  const servers: LocalServer[] = [];

  afterEach(async () => {
    transport?.close();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function serverSending(date: string | null): Promise<string> {
    const server = await startHttpServer((_req, res) => {
      res.sendDate = false;
      if (date) res.setHeader('Date', date);
      res.writeHead(401);
      res.end();
    });
    servers.push(server);
    return `http://127.0.0.1:${server.port}`;
  }

  it.each([
    [0, 'ok'],
    [30_000, 'local-ahead'],
    [-16 * 60_000, 'local-behind'],
  ] as const)('compares a server Date with a local clock %i ms ahead: %s', async (aheadMs, verdict) => {
    transport = createHttpTransport();
    const url = await serverSending(new Date(SERVER_TIME).toUTCString());
    // The local clock is read before sending; the answer comes half a round trip (10 ms) later.
    const check = await checkServerClock(profileFor(url), {
      transport,
      clock: localClock(SERVER_TIME + 490 + aheadMs),
    });
    expect(check.verdict).toBe(verdict);
    expect(check.skewMs).toBe(0 - aheadMs);
  });

  it('is unknown when the answer has no Date header', async () => {
    transport = createHttpTransport();
    const url = await serverSending(null);
    const check = await checkServerClock(profileFor(url), { transport, clock: localClock(SERVER_TIME) });
    expect(check.verdict).toBe('unknown');
    expect(check.message).toContain('without a Date header');
  });

  it('is unknown, saying why, when the server cannot be reached', async () => {
    transport = createHttpTransport();
    const port = await closedPort();
    const check = await checkServerClock(profileFor(`http://127.0.0.1:${port}`), {
      transport,
      clock: localClock(SERVER_TIME),
    });
    expect(check.verdict).toBe('unknown');
    expect(check.message).toContain('could not be reached');
    expect(check.message).toContain('ECONNREFUSED');
  });

  it('reads the sandbox’s Date (from its own clock) with the system clock', async () => {
    transport = createHttpTransport();
    const behind = await startSandbox({
      clock: { now: () => new Date(Date.now() + 20 * 60_000), monotonicMs: () => 0 },
    });
    try {
      const { systemClock } = await import('../../../../electron/core/clock');
      const check = await checkServerClock(profileFor(behind.url), { transport, clock: systemClock });
      expect(check.verdict).toBe('local-behind');
      expect(Math.abs((check.skewMs ?? 0) - 20 * 60_000)).toBeLessThan(1600);
      expect(check.suggestedOffsetMs).toBeGreaterThan(20 * 60_000 - 4000);
      expect(check.suggestedOffsetMs).toBeLessThan(20 * 60_000);
    } finally {
      await behind.stop();
    }
  });
});
