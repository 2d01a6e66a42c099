import os from 'node:os';

/** Who is running the tool, for the audit log. os.userInfo() throws when the uid has no passwd entry. */
export function osUserName(env: NodeJS.ProcessEnv = process.env): string {
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // Containers and some service accounts have no passwd entry; fall back to the environment.
  }
  return env.USER || env.USERNAME || 'unknown';
}
