/**
 * Whether `given` equals `expected`, in time that depends only on the length of `given`: every
 * character of `given` is compared (against `expected` repeated), so neither the position of the
 * first difference nor the length of `expected` shows in the timing.
 */
export function sameText(given: string, expected: string): boolean {
  const length = expected.length;
  if (length === 0) return given.length === 0;
  let difference = given.length ^ length;
  for (let i = 0; i < given.length; i += 1) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i % length);
  return difference === 0;
}
