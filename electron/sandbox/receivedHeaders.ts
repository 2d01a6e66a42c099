/** Request headers exactly as received (from Node's rawHeaders), with repeated headers kept apart. */
export class ReceivedHeaders {
  /** The first value of each header, by lower-case name. */
  private readonly first = new Map<string, string>();
  /** Names sent more than once; most requests have none. */
  private repeatedNames: Set<string> | null = null;

  constructor(rawHeaders: readonly string[]) {
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      const name = rawHeaders[i].toLowerCase();
      if (this.first.has(name)) (this.repeatedNames ??= new Set()).add(name);
      else this.first.set(name, rawHeaders[i + 1]);
    }
  }

  /** The one value of a header; `repeated` when it was sent more than once. */
  single(name: string): { value: string | undefined; repeated: boolean } {
    const key = name.toLowerCase();
    return { value: this.first.get(key), repeated: this.repeatedNames?.has(key) ?? false };
  }

  has(name: string): boolean {
    return this.first.has(name.toLowerCase());
  }
}

export interface SplitUrl {
  path: string;
  query: string;
}

/** Splits req.url at the first "?"; the path keeps its original encoding. */
export function splitUrl(rawUrl: string): SplitUrl {
  const mark = rawUrl.indexOf('?');
  return mark < 0 ? { path: rawUrl, query: '' } : { path: rawUrl.slice(0, mark), query: rawUrl.slice(mark + 1) };
}

/** Query pairs decoded for the canonical query string; null when the percent-encoding is broken. */
export function queryPairs(query: string): Array<[string, string]> | null {
  const pairs: Array<[string, string]> = [];
  for (const part of query.split('&')) {
    if (part.length === 0) continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    try {
      pairs.push([decodeURIComponent(name), decodeURIComponent(value)]);
    } catch {
      return null;
    }
  }
  return pairs;
}
