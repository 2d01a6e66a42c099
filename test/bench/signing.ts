/** HMAC signatures per second on one core: signAppRequest over fresh X-Dates and lock IDs, as a release signs. */
import { DEFAULT_SIGNED_HEADERS, signAppRequest } from '../../electron/core/koodrive/sign';
import { median } from './support/stats';

export interface SigningResult {
  /** Median of the per-window rates. */
  perSecond: number;
  windows: number;
  signatures: number;
}

const LOCK_PATH = '/koodrive/ose/v1/backup/lock';
const INPUTS = 256;

export function measureSigning(options: { windows: number; windowMs: number; appSecret: string }): SigningResult {
  // Distinct X-Dates and lock IDs, prepared beforehand, so no cache could make repeated input look cheap.
  const inputs = Array.from({ length: INPUTS }, (_, i) => ({
    method: 'DELETE',
    path: LOCK_PATH,
    query: [] as const,
    headers: {
      Host: '127.0.0.1:41234',
      'X-Date': `202501${String(10 + (i % 18)).padStart(2, '0')}T08${String(i % 60).padStart(2, '0')}00Z`,
      'X-User-Id': '1234567890123456789',
      'x-backup-lock-id': `78e41c7e-db02-4d55-85b3-${String(i).padStart(12, '0')}@102`,
    },
    signedHeaders: DEFAULT_SIGNED_HEADERS,
    body: '',
    appId: '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0',
    appSecret: options.appSecret,
  }));
  let check = 0;
  const rates: number[] = [];
  let signatures = 0;
  // One untimed window to let the JIT settle.
  for (let w = -1; w < options.windows; w += 1) {
    let count = 0;
    const started = performance.now();
    const until = started + options.windowMs;
    while (performance.now() < until) {
      for (let i = 0; i < INPUTS; i += 1) check ^= signAppRequest(inputs[i]).signature.charCodeAt(0);
      count += INPUTS;
    }
    const seconds = (performance.now() - started) / 1000;
    if (w >= 0) {
      rates.push(count / seconds);
      signatures += count;
    }
  }
  if (check === -1) console.log('unreachable');
  return { perSecond: median(rates), windows: rates.length, signatures };
}
