/** Help text shared by several commands. */
import type { OptionName } from './options';

export const DRY_RUN_HELP = `      --dry-run            check and sign the request(s), print them (method, URL, headers with the
                           secret and signature redacted, body); send nothing, write no audit entry`;

export const CONNECTION_HELP = `Connection (a saved profile, or the whole connection as flags):
  -p, --profile NAME       a profile saved with \`koodrive-lock profile add\`, by its exact name; without
                           it (and without --base-url): KOODRIVE_PROFILE, else \`profile use\`'s default
      --base-url URL       https://intl.myhuaweicloud-koodrive.com, or http://127.0.0.1:PORT for the sandbox
      --user-id ID         the end user (KooDrive user ID, digits). With --profile: the user this
                           operation is for (app auth acts on any user of the tenant; a bearer
                           profile only on its token's own user); default the profile's user
      --auth bearer|app    access token, or AppId + AppSecret (HMAC-SHA256)
      --app-id ID          App ID, for --auth app
      --module CODE        module code for create: 100 folders, 101 album, 102 contacts (default 102;
                           with --profile it overrides the profile's)
      --bearer-prefix WORD Authorization prefix in bearer mode (default Bearer)
      --proxy URL          HTTP proxy (http://host:port) that HTTPS is tunnelled through
      --pac FILE|URL       a PAC file (path, or http(s):// URL fetched once) that chooses the proxy
                           when the profile names none; default KOODRIVE_PAC. Then HTTPS_PROXY /
                           NO_PROXY, then direct (--verbose prints the choice and why)
      --ca-file PEM        extra CA certificate(s) to trust (a company's TLS-inspection CA, the
                           sandbox's --https certificate)

Secret (never given as an argument):
      --secret-stdin       read it from standard input (hidden when typed on a terminal)
  else KOODRIVE_TOKEN (bearer) or KOODRIVE_APP_SECRET (app) from the environment,
  else the profile's entry in the OS keychain (\`koodrive-lock secret set\`).`;

const OPTION_ROW = /^\s+(?:-\w, )?--([a-z-]+)/;
const CONTINUATION = /^ {27}\S/;

/** CONNECTION_HELP without the rows (and their continuation lines) of options the command does not take. */
export function connectionHelpFor(accepted: readonly OptionName[]): string {
  const kept: string[] = [];
  let keeping = true;
  for (const line of CONNECTION_HELP.split('\n')) {
    const option = OPTION_ROW.exec(line)?.[1];
    if (option !== undefined) keeping = (accepted as readonly string[]).includes(option);
    else if (!CONTINUATION.test(line)) keeping = true;
    if (keeping) kept.push(line);
  }
  return kept.join('\n');
}

export const OUTPUT_FORMAT_HELP = `  -o, --output FORMAT  table (default), json (one object per line, as --json) or csv (a header
                       row, then RFC 4180 rows; cells a spreadsheet could run as formulas start with ')`;

export const GLOBAL_HELP = `Global options:
      --json               one JSON object per line on stdout
      --verbose            print each request and response on stderr (Authorization redacted)
      --timeout TIME       per-request timeout: 30s, 2m or 1500ms (a bare number is milliseconds),
                           100ms to 10m (default 15s)
      --data-dir DIR       where profiles.json and the audit log live
                           (default: KOODRIVE_LOCK_ADMIN_DATA_DIR, else the app's data folder)
  -h, --help               help for the command
      --version            print the version`;

export const EXIT_HELP = `Exit status: 0 every operation succeeded; 1 the server refused (or answered something
unreadable); 2 usage, validation or configuration problem, nothing sent; 3 network, TLS or timeout;
4 unexpected internal error (e.g. the audit log could not be written); 130 interrupted (Ctrl-C).`;
