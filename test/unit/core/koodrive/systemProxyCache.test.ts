import { describe, expect, it } from 'vitest';
import { cachedProxyResolver } from '../../../../electron/core/koodrive/systemProxyCache';

describe('cachedProxyResolver', () => {
  it('evaluates once per origin within the time to live, shared by concurrent requests', async () => {
    let now = 0;
    const asked: string[] = [];
    const resolve = cachedProxyResolver(
      async (url) => {
        asked.push(url);
        return 'DIRECT';
      },
      { ttlMs: 1000, nowMs: () => now },
    );
    await Promise.all(Array.from({ length: 50 }, (_, i) => resolve(`https://a.example/lock?i=${i}`)));
    await resolve('https://a.example:443/other');
    await resolve('https://b.example/');
    expect(asked).toEqual(['https://a.example/lock?i=0', 'https://b.example/']);
    now = 1001;
    await resolve('https://a.example/again');
    expect(asked).toHaveLength(3);
  });

  it('does not keep a failure', async () => {
    let calls = 0;
    const resolve = cachedProxyResolver(async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
      return 'DIRECT';
    });
    await expect(resolve('https://a.example/')).rejects.toThrow('boom');
    await expect(resolve('https://a.example/')).resolves.toBe('DIRECT');
  });
});
