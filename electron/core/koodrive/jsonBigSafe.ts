/**
 * JSON parsing that keeps large integers exact. KooDrive IDs are 19-digit numbers; if a server ever
 * sends one unquoted, JSON.parse would round it (1842862763295184641 -> 1842862763295184600). Before
 * parsing, integer literals of BIG_INTEGER_DIGITS or more digits outside strings become strings.
 */

export const BIG_INTEGER_DIGITS = 16;
const BIG_DIGIT_RUN = new RegExp(`\\d{${BIG_INTEGER_DIGITS}}`);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MINUS = 0x2d;
const ZERO = 0x30;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= 0x39;
}

/** Continuation characters of a number token after its integer part: fraction and exponent. */
function isNumberTail(code: number): boolean {
  return isDigit(code) || code === 0x2e || code === 0x65 || code === 0x45 || code === 0x2b || code === MINUS;
}

/** Wraps unquoted integer literals with BIG_INTEGER_DIGITS+ digits in quotes; everything else is kept. */
export function quoteBigIntegers(text: string): string {
  const length = text.length;
  let out = '';
  let copiedUpTo = 0;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      i += 1;
      while (i < length) {
        const inner = text.charCodeAt(i);
        if (inner === BACKSLASH) i += 2;
        else if (inner === QUOTE) {
          i += 1;
          break;
        } else i += 1;
      }
      continue;
    }
    if (code !== MINUS && !isDigit(code)) {
      i += 1;
      continue;
    }
    const start = i;
    if (code === MINUS) i += 1;
    const digitsStart = i;
    while (i < length && isDigit(text.charCodeAt(i))) i += 1;
    const digits = i - digitsStart;
    let integer = true;
    while (i < length && isNumberTail(text.charCodeAt(i))) {
      integer = false;
      i += 1;
    }
    // A leading zero makes the literal invalid JSON; quoting it would hide that, so leave it alone.
    const leadingZero = digits > 1 && text.charCodeAt(digitsStart) === ZERO;
    if (integer && digits >= BIG_INTEGER_DIGITS && !leadingZero) {
      out += `${text.slice(copiedUpTo, start)}"${text.slice(start, i)}"`;
      copiedUpTo = i;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

/** JSON.parse with large integers kept as exact decimal strings. Throws SyntaxError like JSON.parse. */
export function parseJsonBigSafe(text: string): unknown {
  // Fast path: without a run of BIG_INTEGER_DIGITS digits anywhere, quoteBigIntegers would change nothing.
  if (!BIG_DIGIT_RUN.test(text)) return JSON.parse(text);
  return JSON.parse(quoteBigIntegers(text));
}
