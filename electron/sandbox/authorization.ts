import { APP_ALGORITHM as ALGORITHM } from './appSignature';

const REQUIRED_SIGNED_HEADERS = ['host', 'x-date', 'x-user-id'] as const;

export type ParsedAuthorization =
  | { scheme: 'bearer'; token: string }
  | { scheme: 'app'; appId: string; signedHeaders: readonly string[]; signature: string }
  | { scheme: 'invalid'; problem: string };

const TOKEN = /^[\x21-\x7e]+$/;
const WHITESPACE = /\s/;
const APP_PREFIX = `${ALGORITHM} `;
const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;
const APP_PARAMS = ['AppId', 'SignedHeaders', 'Signature'] as const;
type AppParam = (typeof APP_PARAMS)[number];

const EXPECTED = `expected "Bearer <token>" or "${ALGORITHM} AppId=<appId>,SignedHeaders=<names>,Signature=<hex>"`;

/**
 * Parses an Authorization header strictly as docs/koodrive-protocol.md#bearer-authentication and
 * #app-authentication-hmac-sha256 write it: one space after the
 * scheme, parameters separated by "," without spaces, each of AppId, SignedHeaders, Signature once.
 */
export function parseAuthorization(value: string): ParsedAuthorization {
  if (value.length === 0) return invalid('Authorization is empty');
  if (value.startsWith('Bearer+')) return invalid('Authorization: write "Bearer <token>" with a space, not "+"');
  if (value.startsWith('Bearer ')) return parseBearer(value.slice('Bearer '.length));
  if (value.startsWith(APP_PREFIX)) return parseApp(value.slice(APP_PREFIX.length));
  return invalid(`Authorization: ${EXPECTED}`);
}

function parseBearer(token: string): ParsedAuthorization {
  if (!TOKEN.test(token)) return invalid('Authorization: the bearer token is empty or contains spaces');
  return { scheme: 'bearer', token };
}

function parseApp(params: string): ParsedAuthorization {
  if (WHITESPACE.test(params)) {
    return invalid(`Authorization: no spaces allowed in the ${ALGORITHM} parameters (separate them with "," only)`);
  }
  const found: Record<AppParam, string | undefined> = {
    AppId: undefined,
    SignedHeaders: undefined,
    Signature: undefined,
  };
  // One pass over the parts between commas (an empty part is an unknown parameter, as split(',') gives).
  for (let start = 0; start <= params.length;) {
    const comma = params.indexOf(',', start);
    const end = comma < 0 ? params.length : comma;
    const eq = params.indexOf('=', start);
    const hasValue = eq >= 0 && eq < end;
    const name = params.slice(start, hasValue ? eq : end);
    if (!isAppParam(name)) {
      return invalid(`Authorization: unknown parameter "${name.slice(0, 40)}"; ${EXPECTED}`);
    }
    if (found[name] !== undefined) return invalid(`Authorization: parameter ${name} appears more than once`);
    const paramValue = hasValue ? params.slice(eq + 1, end) : '';
    if (paramValue.length === 0) return invalid(`Authorization: parameter ${name} is empty`);
    found[name] = paramValue;
    start = end + 1;
  }
  const { AppId: appId, SignedHeaders: signedHeaders, Signature: signature } = found;
  if (appId === undefined || signedHeaders === undefined || signature === undefined) {
    return invalid(`Authorization: missing ${APP_PARAMS.filter((name) => found[name] === undefined).join(', ')}`);
  }
  if (!HEX_SIGNATURE.test(signature)) {
    return invalid('Authorization: Signature must be 64 hexadecimal characters (HMAC-SHA256, hex)');
  }
  const checked = checkedSignedHeaders(signedHeaders);
  if (checked.problem) return invalid(`Authorization: ${checked.problem}`);
  return { scheme: 'app', appId, signedHeaders: checked.names, signature };
}

interface CheckedNames {
  names: readonly string[];
  problem: string | null;
}

// Clients send the same SignedHeaders value on every request: its check is kept (a few values at most).
const checkedNames = new Map<string, CheckedNames>();
const CHECKED_NAMES_LIMIT = 16;
const CHECKED_NAME_LENGTH_LIMIT = 512;

function checkedSignedHeaders(value: string): CheckedNames {
  const known = checkedNames.get(value);
  if (known) return known;
  const names = Object.freeze(value.split(';'));
  const checked: CheckedNames = { names, problem: signedHeadersProblem(names) };
  if (value.length <= CHECKED_NAME_LENGTH_LIMIT) {
    if (checkedNames.size >= CHECKED_NAMES_LIMIT) checkedNames.clear();
    checkedNames.set(value, checked);
  }
  return checked;
}

function signedHeadersProblem(names: readonly string[]): string | null {
  if (names.some((name) => !HEADER_NAME.test(name))) {
    return 'SignedHeaders must be lower-case header names separated by ";"';
  }
  if (new Set(names).size !== names.length) return 'SignedHeaders names a header more than once';
  if (names.includes('authorization')) return 'SignedHeaders must not include authorization';
  const missing = REQUIRED_SIGNED_HEADERS.filter((name) => !names.includes(name));
  if (missing.length > 0)
    return `SignedHeaders must include ${REQUIRED_SIGNED_HEADERS.join(';')} (missing ${missing.join(', ')})`;
  return null;
}

function isAppParam(name: string): name is AppParam {
  return name === 'AppId' || name === 'SignedHeaders' || name === 'Signature';
}

function invalid(problem: string): ParsedAuthorization {
  return { scheme: 'invalid', problem };
}
