/** "Did you mean …?" for a mistyped command or option: the closest known word within 2 edits. */

const MAX_EDITS = 2;

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0][j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[a.length][b.length];
}

/** The candidate closest to `word` (case-insensitive) within 2 edits, the first of equals; null when none is. */
export function closest(word: string, candidates: Iterable<string>): string | null {
  const typed = word.toLowerCase();
  let best: { candidate: string; distance: number } | null = null;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate.toLowerCase());
    if (distance <= MAX_EDITS && (best === null || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate ?? null;
}

/** " Did you mean X?" or "" — to append to an error message. */
export function didYouMean(word: string, candidates: Iterable<string>, show: (candidate: string) => string): string {
  const match = closest(word, candidates);
  return match === null ? '' : ` Did you mean ${show(match)}?`;
}
