/** Request headers exactly as received (from Node's rawHeaders), with repeated headers kept apart. */
export class ReceivedHeaders {
  private readonly values = new Map<string, string[]>();

  constructor(rawHeaders: readonly string[]) {
    for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
      const name = rawHeaders[i].toLowerCase();
      const list = this.values.get(name);
      if (list) list.push(rawHeaders[i + 1]);
      else this.values.set(name, [rawHeaders[i + 1]]);
    }
  }

  /** The one value of a header; `repeated` when it was sent more than once. */
  single(name: string): { value: string | undefined; repeated: boolean } {
    const list = this.values.get(name.toLowerCase()) ?? [];
    return { value: list[0], repeated: list.length > 1 };
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
