/** Entry point built to out/main/cli.js (bin/koodrive-lock.cjs requires it). Must not import 'electron'. */
import { TLS_OVERRIDE_MESSAGE, tlsVerificationDisabled } from '../core/koodrive/tlsEnvironment';
import { EXIT } from './exitCodes';
import { processIo } from './io';
import { main } from './main';

// Before any argument, profile or secret is read (docs/security.md).
if (tlsVerificationDisabled(process.env)) {
  process.stderr.write(`koodrive-lock: ${TLS_OVERRIDE_MESSAGE}\n`);
  process.exit(EXIT.usage);
}

// A reader that goes away (`koodrive-lock history | head`) must not crash a batch half-way: the remaining
// operations still run and are audited; only their output is lost.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

void main(process.argv.slice(2), processIo()).then((code) => {
  // Exit only once stdout has taken everything written before, so piped output is never cut off.
  process.stdout.write('', () => process.exit(code));
});
