import { describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  devContentSecurityPolicy,
  installContentSecurityPolicy,
} from '../../../electron/main/csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('Content-Security-Policy', () => {
  it('is exactly the strict production policy', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline or eval code and no network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('connect-src')).toEqual(["'none'"]);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
  });

  it('uses the production policy when packaged, even if a dev server URL is set', () => {
    expect(contentSecurityPolicyFor(true, 'http://localhost:5173')).toBe(CONTENT_SECURITY_POLICY);
    expect(contentSecurityPolicyFor(false, undefined)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('in development adds only the dev server origin and its WebSocket', () => {
    const dev = contentSecurityPolicyFor(false, 'http://localhost:5173/');
    expect(dev).toBe(devContentSecurityPolicy('http://localhost:5173/'));
    const policy = directives(dev);
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(dev).not.toContain('unsafe-eval');
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is set as a response header on our pages, replacing any the server sent', () => {
    const onHeadersReceived = vi.fn();
    installContentSecurityPolicy({ webRequest: { onHeadersReceived } } as never, 'POLICY', (url) =>
      url.startsWith('file:///app/'),
    );
    const listener = onHeadersReceived.mock.calls[0][0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
    ) => void;

    const ours = vi.fn();
    listener(
      { url: 'file:///app/index.html', responseHeaders: { 'content-security-policy': ['lax'], 'X-Other': ['1'] } },
      ours,
    );
    expect(ours).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': ['POLICY'] },
    });

    const foreign = vi.fn();
    listener({ url: 'https://elsewhere.example/', responseHeaders: {} }, foreign);
    expect(foreign).toHaveBeenCalledWith({});
  });
});
