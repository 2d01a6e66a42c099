/**
 * Reads a PAC-style answer ("PROXY host:port; DIRECT", "HTTPS host:port", "SOCKS5 host:port", "DIRECT"), as
 * a PAC file's FindProxyForURL and Electron's session.resolveProxy give it. The first entry this client can
 * use wins; SOCKS and unknown entries are skipped and named. See docs/faults-and-safeguards.md, "Which proxy".
 */
export type PacChoice = { kind: 'direct'; entry: string } | { kind: 'proxy'; proxyUrl: string; entry: string };

export interface PacReading {
  /** null when no entry can be used (only SOCKS, unknown words, or an empty answer). */
  choice: PacChoice | null;
  /** Entries passed over before the choice, with why, e.g. "SOCKS5 10.0.0.1:1080 (SOCKS is not supported)". */
  skipped: string[];
}

const MAX_ENTRY_SHOWN = 80;
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;

function shown(entry: string): string {
  const flat = entry.replace(/\s+/g, ' ');
  return flat.length > MAX_ENTRY_SHOWN ? `${flat.slice(0, MAX_ENTRY_SHOWN)}…` : flat;
}

function proxyUrlOf(scheme: 'http' | 'https', hostPort: string): string | null {
  const match = HOST_PORT.exec(hostPort);
  if (!match) return null;
  const port = match[2] === undefined ? (scheme === 'https' ? 443 : 80) : Number(match[2]);
  if (port < 1 || port > 65_535) return null;
  return `${scheme}://${match[1].toLowerCase()}:${port}`;
}

function choiceOf(entry: string): PacChoice | string {
  const [word = '', target = '', ...rest] = entry.split(/\s+/);
  const keyword = word.toUpperCase();
  if (keyword === 'DIRECT' && target === '') return { kind: 'direct', entry: 'DIRECT' };
  if (keyword.startsWith('SOCKS')) return 'SOCKS is not supported';
  const scheme = keyword === 'PROXY' || keyword === 'HTTP' ? 'http' : keyword === 'HTTPS' ? 'https' : null;
  if (!scheme) return 'not a PAC answer this client understands';
  const proxyUrl = rest.length === 0 ? proxyUrlOf(scheme, target) : null;
  if (!proxyUrl) return 'not host:port';
  return { kind: 'proxy', proxyUrl, entry: `${keyword} ${target}` };
}

export function readPacAnswer(answer: string): PacReading {
  const skipped: string[] = [];
  for (const raw of answer.split(';')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const choice = choiceOf(entry);
    if (typeof choice !== 'string') return { choice, skipped };
    skipped.push(`${shown(entry)} (${choice})`);
  }
  return { choice: null, skipped };
}
