/** English strings of the local sandbox bar; merged into the catalogue by i18n/en.ts. */
export const sandboxEn = {
  'sandbox.running': 'Local sandbox running at {host}.',
  'sandbox.stopped': 'The local sandbox is not running.',
  'sandbox.start': 'Start sandbox',
  'sandbox.stop': 'Stop sandbox',
} as const;
