/** A tag main uses to find (and cancel) one request in flight. Matches the contract: [A-Za-z0-9_-]{1,64}. */
export function newRequestTag(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
