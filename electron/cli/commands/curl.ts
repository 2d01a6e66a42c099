/** koodrive-lock curl: the window's "Copy as cURL" script for releasing one lock (docs/cli.md#curl). */
import { randomBytes } from 'node:crypto';
import { previewLockRequest } from '../../core/diagnostics/requestPreview';
import { RequestBuildError } from '../../core/koodrive/requestBuilder';
import { checkLockRequest } from '../../core/lockInput';
import { CliError, UsageError } from '../cliError';
import type { Command } from '../command';
import { resolveConnection } from '../connection';
import { EXIT } from '../exitCodes';
import { GLOBAL_HELP } from '../help';

const SHELLS = ['sh', 'powershell'] as const;

/**
 * The preview signs with a secret; the script never contains it (it computes the Authorization header
 * itself when it runs), so a throwaway value stands in and no secret is read at all.
 */
function placeholderSecret(): string {
  return randomBytes(24).toString('hex');
}

export const curlCommand: Command = {
  name: 'curl',
  summary: 'print a shell script that releases a lock with curl (the window\'s "Copy as cURL")',
  options: ['profile', 'base-url', 'user-id', 'auth', 'app-id', 'bearer-prefix', 'proxy', 'ca-file', 'shell'],
  help: `Usage: koodrive-lock curl <lockId> [connection options] [--shell sh|powershell]

Prints the same script as the desktop app's "Copy as cURL" for releasing the lock (DELETE
/koodrive/ose/v1/backup/lock): run it where this tool is not installed, or hand it to someone. Nothing
is sent and no secret is read. The secret is in no argument when the script runs either:
  sh (default; bash, zsh): reads KOODRIVE_TOKEN (bearer) or KOODRIVE_APP_SECRET (app) from the
      environment (set it with read -rs KOODRIVE_TOKEN; export it) and passes the Authorization header to
      curl on standard input; app auth computes the HMAC with openssl through pipes. A profile with an
      extra CA reads its file from KOODRIVE_CA_FILE. Needs curl, openssl, od, tr, awk and date.
  powershell: asks for the secret with Read-Host -AsSecureString and sends the request with
      Invoke-WebRequest (Windows PowerShell 5.1 and PowerShell 7).
X-Date is computed when the script runs.
      --shell sh|powershell  which script (default sh)

Connection (a saved profile, or the whole connection as flags):
  -p, --profile NAME       a profile saved with \`koodrive-lock profile add\`
      --base-url URL, --auth bearer|app, --app-id ID, --bearer-prefix WORD: as for release
      --user-id ID         the end user (with --profile: this lock's user; default the profile's)
      --proxy URL          an HTTP proxy for curl (without a user name and password: curl would get them
                           as an argument; set HTTPS_PROXY for the script instead)
      --ca-file PEM        an extra CA: the script then passes "$KOODRIVE_CA_FILE" to curl --cacert

${GLOBAL_HELP}

Exit status: 0 the script was printed; 2 usage or validation problem (an invalid lock ID, an unknown
profile, a missing user).

Example:
  koodrive-lock curl --profile prod 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102 > release.sh
  read -rs KOODRIVE_APP_SECRET && export KOODRIVE_APP_SECRET && sh release.sh`,

  async run(context) {
    const { values, operands, io } = context;
    if (operands.length !== 1) throw new UsageError('curl takes exactly one lock ID.', 'curl');
    const shell = values.shell ?? 'sh';
    if (!SHELLS.includes(shell as (typeof SHELLS)[number])) {
      throw new UsageError(`--shell must be sh or powershell, not "${shell}".`, 'curl');
    }
    const connection = await resolveConnection(values, context.profiles, 'curl', io);
    const { profile } = connection;
    if (profile.proxyUrl && /^[a-z]+:\/\/[^/]*@/i.test(profile.proxyUrl)) {
      throw new UsageError(
        "--proxy with a user name and password would put them in curl's arguments: give the proxy without them, and its credentials in HTTPS_PROXY when the script runs.",
        'curl',
      );
    }
    const checked = checkLockRequest({ operation: 'release', profile, lockId: operands[0], userId: connection.userId });
    if (!checked.ok) throw new CliError(checked.problem, EXIT.usage);
    let preview;
    try {
      preview = previewLockRequest({
        profile,
        userId: checked.userId,
        operation: 'release',
        lockId: checked.lockId ?? undefined,
        secret: placeholderSecret(),
        now: context.deps.clock.now(),
      });
    } catch (error) {
      if (error instanceof RequestBuildError) throw new CliError(error.message, EXIT.usage);
      throw error;
    }
    const script = shell === 'powershell' ? preview.powershell : preview.curl;
    if (values.json) io.stdout.write(`${JSON.stringify({ shell, script })}\n`);
    else io.stdout.write(`${script}\n`);
    return EXIT.ok;
  },
};
