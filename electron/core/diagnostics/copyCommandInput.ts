import type { Profile } from '../../../shared/profile';

type CommandShell = 'posix' | 'powershell';

/** What "Copy as cURL" needs for either shell (curlCommand.ts, powershellCommand.ts). */
export interface CurlInput {
  method: string;
  url: URL;
  /** The headers as prepared for sending; Authorization, Host, X-Date and Content-Length are rebuilt here. */
  headers: Readonly<Record<string, string>>;
  body: string | null;
  profile: Pick<Profile, 'authMode' | 'appId' | 'bearerPrefix' | 'proxyUrl' | 'caPem'>;
  /** App mode: the headers that are signed (lower case). */
  signedHeaders: readonly string[];
  clockOffsetMs?: number;
  /** Default 'posix' (sh, bash, zsh on Linux and macOS). */
  shell?: CommandShell;
}
