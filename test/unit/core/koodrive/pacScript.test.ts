import { describe, expect, it } from 'vitest';
import { PacError, compilePac } from '../../../../electron/core/koodrive/pacScript';

describe('compilePac (pac-resolver in QuickJS)', () => {
  it('evaluates FindProxyForURL with the PAC helpers', async () => {
    const resolve = await compilePac(
      `function FindProxyForURL(url, host) {
        if (dnsDomainIs(host, ".corp.example") || shExpMatch(url, "*/via-proxy/*")) return "PROXY proxy.corp:3128";
        return "DIRECT";
      }`,
      'PAC file test.pac',
    );
    expect(await resolve('https://api.corp.example/lock')).toBe('PROXY proxy.corp:3128');
    expect(await resolve('https://other.example/via-proxy/x')).toBe('PROXY proxy.corp:3128');
    expect(await resolve('https://other.example/')).toBe('DIRECT');
  });

  it('refuses a syntax error and a script without FindProxyForURL, naming the PAC', async () => {
    await expect(compilePac('function FindProxyForURL(url, host) {', 'PAC file a.pac')).rejects.toThrow(
      /^The PAC file a\.pac is not valid JavaScript: /,
    );
    await expect(compilePac('var x = 1;', 'PAC file b.pac')).rejects.toThrow(
      'The PAC file b.pac does not define FindProxyForURL(url, host).',
    );
  });

  it('a PAC that throws, answers no text, or never ends fails that evaluation with a PacError', async () => {
    const throwing = await compilePac('function FindProxyForURL(u, h) { throw new Error("no route"); }', 'p');
    await expect(throwing('https://a.example/')).rejects.toThrow('FindProxyForURL failed: no route');
    const number = await compilePac('function FindProxyForURL(u, h) { return 42; }', 'p');
    await expect(number('https://a.example/')).rejects.toBeInstanceOf(PacError);
    const endless = await compilePac('function FindProxyForURL(u, h) { for (;;) {} }', 'p');
    await expect(endless('https://a.example/')).rejects.toBeInstanceOf(PacError);
  });
});
