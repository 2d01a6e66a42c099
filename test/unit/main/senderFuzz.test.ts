// Sender fuzzing: random and near-miss frame URLs, main frames and subframes. A call passes the sender check
// only from exactly our page (the same URL up to its query and fragment) in the main frame; everything else
// gets forbidden-sender from the registered IPC handler, and the real handler is never called.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Handlers, METHOD_NAMES, channelFor } from '../../../shared/contract';
import { isTrustedSender } from '../../../electron/ipc/senderPolicy';
import { FORBIDDEN_SENDER, registerIpc } from '../../../electron/main/ipcRegistration';
import { nastyString } from '../ipc/fuzz/adversarial';

const RUNS = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const PAGES = ['app://koodrive/index.html', 'file:///opt/koodrive-lock-admin/resources/app/out/renderer/index.html'];
const DEV_ORIGIN = 'http://localhost:5173';

/** Our page, by an independent reading of "exactly": the parsed URL without query and fragment is the page. */
function isExactlyPage(url: string, page: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  parsed.search = '';
  parsed.hash = '';
  return parsed.href === page;
}

/** A URL built from pieces of the allowed one, each possibly swapped for a near miss, with noise. */
function nearMissUrl(page: string): fc.Arbitrary<string> {
  const url = new URL(page);
  return fc
    .record({
      scheme: fc.constantFrom(
        url.protocol,
        url.protocol.toUpperCase(),
        'https:',
        'http:',
        'file:',
        'app:',
        'appx:',
        'data:',
        'javascript:',
        'blob:app:',
        'about:',
      ),
      slashes: fc.constantFrom('//', '//', '///', '/', '\\\\', '', '/\\'),
      user: fc.constantFrom('', '', '', 'user@', 'user:pw@', '@', ':@'),
      host: fc.constantFrom(
        url.host,
        url.host,
        url.host.toUpperCase(),
        `${url.host}.`,
        'evil',
        `${url.host}.evil.example`,
        `evil.${url.host}`,
        'localhost',
        '127.0.0.1',
        '%6boodrive',
        'remote-host',
      ),
      port: fc.constantFrom('', '', '', ':80', ':0', ':', ':5173', ':65535'),
      path: fc.constantFrom(
        url.pathname,
        url.pathname,
        url.pathname.toUpperCase(),
        `${url.pathname}/`,
        `${url.pathname}/..`,
        url.pathname.replace(/\/([^/]+)$/, '/./$1'),
        url.pathname.replace(/\/([^/]+)$/, '/x/../$1'),
        url.pathname.replace('index', '%69ndex'),
        url.pathname.replace('.html', '%2ehtml'),
        url.pathname.replace('index.html', 'other.html'),
        `/${url.pathname}`,
        url.pathname.replaceAll('/', '\\'),
        `${url.pathname}%00`,
        `${url.pathname};x`,
        '',
        '/',
      ),
      suffix: fc.constantFrom('', '', '?x=1', '#/history', '?#', '#', '?a=app://koodrive/index.html', ' ', '\t', '%20'),
      noise: fc.option(fc.tuple(nastyString(6), fc.nat()), { freq: 4 }),
    })
    .map(({ scheme, slashes, user, host, port, path, suffix, noise }) => {
      const text = `${scheme}${slashes}${user}${host}${port}${path}${suffix}`;
      if (!noise) return text;
      const [insert, at] = noise;
      const index = at % (text.length + 1);
      return `${text.slice(0, index)}${insert}${text.slice(index)}`;
    });
}

function anyUrl(page: string): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: nearMissUrl(page), weight: 6 },
    { arbitrary: fc.webUrl({ withFragments: true, withQueryParameters: true }), weight: 2 },
    { arbitrary: nastyString(60), weight: 1 },
    { arbitrary: fc.constantFrom(page, `${page}#/profiles`, `${page}?x`), weight: 1 },
  );
}

describe('isTrustedSender under fuzzing', () => {
  for (const page of PAGES) {
    it(`passes only exactly ${page.slice(0, 40)}… in the main frame (${RUNS} URLs)`, () => {
      let trusted = 0;
      fc.assert(
        fc.property(anyUrl(page), fc.boolean(), (url, isMainFrame) => {
          const verdict = isTrustedSender({ url, isMainFrame }, page);
          if (verdict) {
            trusted += 1;
            if (!isMainFrame) throw new Error(`a subframe passed: ${url}`);
            if (!isExactlyPage(url, page)) throw new Error(`a foreign URL passed: ${JSON.stringify(url)}`);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // Not vacuous: our page itself (with a query or a fragment) does pass.
      expect(trusted).toBeGreaterThan(0);
    });

    it(`always passes our own page, with any query or fragment, in the main frame (${page.slice(0, 20)}…)`, () => {
      fc.assert(
        fc.property(fc.webQueryParameters(), fc.webFragments(), (query, fragment) => {
          const url = `${page}${query ? `?${query}` : ''}${fragment ? `#${fragment}` : ''}`;
          expect(isTrustedSender({ url, isMainFrame: true }, page)).toBe(true);
          expect(isTrustedSender({ url, isMainFrame: false }, page)).toBe(false);
        }),
        { numRuns: 2000, seed: SEED },
      );
    });
  }

  it(`development: only the dev server's own origin passes (${RUNS} URLs)`, () => {
    fc.assert(
      fc.property(anyUrl(`${DEV_ORIGIN}/`), (url) => {
        if (isTrustedSender({ url, isMainFrame: true }, DEV_ORIGIN)) {
          expect(new URL(url).origin).toBe(DEV_ORIGIN);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('never throws and refuses frames that are not plain frame records', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (frame) => {
        const verdict = isTrustedSender(frame as never, PAGES[0]);
        if (verdict) throw new Error(`passed: ${JSON.stringify(frame)}`);
      }),
      { numRuns: 2000, seed: SEED },
    );
  });
});

describe('registered IPC handlers under sender fuzzing', () => {
  it(`answer forbidden-sender to every foreign frame or subframe and never call the handler (${RUNS} calls)`, async () => {
    const page = PAGES[0];
    const listeners = new Map<string, (event: unknown, arg: unknown) => Promise<unknown>>();
    const fakeIpcMain = {
      handle: (channel: string, listener: (event: unknown, arg: unknown) => Promise<unknown>) => {
        listeners.set(channel, listener);
      },
    };
    let called = 0;
    const handlers = Object.fromEntries(
      METHOD_NAMES.map((method) => [
        method,
        async () => {
          called += 1;
          return 'handled';
        },
      ]),
    ) as unknown as Handlers;
    const mainContents = { id: 1 };
    const logged: string[] = [];
    registerIpc(fakeIpcMain as never, handlers, page, {
      isMainWindow: (sender) => sender === mainContents,
      log: (line) => logged.push(line),
    });

    const frame = fc.oneof(
      fc.record({ url: anyUrl(page), parent: fc.constantFrom(null, null, {}, { url: page }) }),
      fc.constantFrom(null, undefined),
      fc.constant('throwing'),
    );
    const sender = fc.constantFrom<unknown>(mainContents, mainContents, mainContents, { id: 2 }, undefined, null);
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), frame, sender, async (method, senderFrame, contents) => {
        const event =
          senderFrame === 'throwing'
            ? Object.defineProperty({ sender: contents }, 'senderFrame', {
                get() {
                  throw new Error('Render frame was disposed before WebFrameMain could be accessed');
                },
              })
            : { senderFrame, sender: contents };
        const before = called;
        const listener = listeners.get(channelFor(method));
        if (!listener) throw new Error(`no listener for ${method}`);
        const result = await listener(event, { canary: 'PAYLOAD-CANARY' });
        const own =
          contents === mainContents &&
          typeof senderFrame === 'object' &&
          senderFrame !== null &&
          senderFrame.parent === null &&
          isExactlyPage(senderFrame.url, page);
        if (!own) {
          expect(result).toEqual(FORBIDDEN_SENDER);
          expect(called).toBe(before);
        } else {
          accepted += 1;
          expect(result).not.toEqual(FORBIDDEN_SENDER);
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
    expect(accepted).toBeGreaterThan(0);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).not.toContain('PAYLOAD-CANARY');
  });
});
