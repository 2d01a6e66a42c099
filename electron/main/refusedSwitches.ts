/**
 * Command-line switches that open the app to other programs: a debugger on the main process
 * (--inspect*, which the EnableNodeCliInspectArguments fuse already ignores), the DevTools protocol
 * on the renderer (--remote-debugging-port/-pipe), or a renderer without its OS sandbox
 * (--no-sandbox). A packaged app refuses to start with any of them (docs/security.md); the
 * unpackaged app used in development and by the test suite accepts them.
 */
const REFUSED: ReadonlyArray<{ name: string; why: string; prefix?: boolean }> = [
  { name: 'remote-debugging-port', why: 'it lets any local program control the window through the DevTools protocol' },
  {
    name: 'remote-debugging-pipe',
    why: 'it lets the starting program control the window through the DevTools protocol',
  },
  { name: 'inspect', why: 'it opens a debugger on the main process, which holds the keychain access', prefix: true },
  { name: 'no-sandbox', why: 'it turns off the operating-system sandbox of the page' },
];

/** The switch's name without dashes and value: "--Inspect-Brk=9229" -> "inspect-brk"; null when not a switch. */
function switchName(arg: string, platform: NodeJS.Platform): string | null {
  const match = /^(?:--?|\/)([A-Za-z][\w-]*)(?:=.*)?$/s.exec(arg);
  if (!match) return null;
  if (arg.startsWith('/') && platform !== 'win32') return null;
  return match[1].toLowerCase();
}

export interface RefusedSwitch {
  arg: string;
  why: string;
}

/** Every refused switch in `argv` (Chromium also reads `-switch`, and `/switch` on Windows). */
export function refusedSwitches(
  argv: readonly string[],
  platform: NodeJS.Platform = process.platform,
): RefusedSwitch[] {
  const found: RefusedSwitch[] = [];
  for (const arg of argv) {
    const name = switchName(arg, platform);
    if (!name) continue;
    const rule = REFUSED.find((refused) => (refused.prefix ? name.startsWith(refused.name) : name === refused.name));
    if (rule) found.push({ arg: arg.split('=')[0], why: rule.why });
  }
  return found;
}

/** What the user is told, in plain words, when the app will not start. */
export function refusalMessage(found: readonly RefusedSwitch[]): string {
  const lines = found.map((item) => `• ${item.arg}: ${item.why}.`);
  return [
    'KooDrive Lock Admin did not start because it was started with an option that would weaken its protection:',
    ...lines,
    'Start the app again without these options (check the shortcut or the command that started it).',
  ].join('\n');
}
