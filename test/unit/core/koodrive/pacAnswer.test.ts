import { describe, expect, it } from 'vitest';
import { readPacAnswer } from '../../../../electron/core/koodrive/pacAnswer';

describe('readPacAnswer', () => {
  it('reads DIRECT, PROXY/HTTP and HTTPS entries, first usable one wins', () => {
    expect(readPacAnswer('DIRECT').choice).toEqual({ kind: 'direct', entry: 'DIRECT' });
    expect(readPacAnswer(' proxy Proxy.Corp:3128 ; DIRECT').choice).toEqual({
      kind: 'proxy',
      proxyUrl: 'http://proxy.corp:3128',
      entry: 'PROXY Proxy.Corp:3128',
    });
    expect(readPacAnswer('HTTP 10.0.0.1:8080').choice).toMatchObject({ proxyUrl: 'http://10.0.0.1:8080' });
    expect(readPacAnswer('HTTPS secure.corp').choice).toMatchObject({ proxyUrl: 'https://secure.corp:443' });
    expect(readPacAnswer('PROXY plain.corp').choice).toMatchObject({ proxyUrl: 'http://plain.corp:80' });
    expect(readPacAnswer('PROXY [::1]:3128').choice).toMatchObject({ proxyUrl: 'http://[::1]:3128' });
  });

  it('skips SOCKS, unknown and malformed entries, saying why', () => {
    const reading = readPacAnswer('SOCKS5 s:1080; SOCKS s:1; QUIC q:443; PROXY a:b:c; PROXY ok:1');
    expect(reading.choice).toMatchObject({ proxyUrl: 'http://ok:1' });
    expect(reading.skipped).toEqual([
      'SOCKS5 s:1080 (SOCKS is not supported)',
      'SOCKS s:1 (SOCKS is not supported)',
      'QUIC q:443 (not a PAC answer this client understands)',
      'PROXY a:b:c (not host:port)',
    ]);
  });

  it('no usable entry: no choice', () => {
    expect(readPacAnswer('').choice).toBeNull();
    expect(readPacAnswer('SOCKS5 s:1080').choice).toBeNull();
    expect(readPacAnswer('PROXY host:99999').choice).toBeNull();
  });
});
