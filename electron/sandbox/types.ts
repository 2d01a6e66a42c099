import type { SandboxClock } from './clock';

export interface SandboxCredentials {
  /** KooDrive user ID: 19 digits, kept as a string. */
  userId: string;
  /** Bearer token (token mode). */
  token: string;
  /** AppId (app mode). */
  appId: string;
  /** AppSecret (app mode). */
  appSecret: string;
}

export interface SandboxOptions {
  /** Loopback only; default 127.0.0.1. */
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  https?: boolean;
  /** Serve HTTPS with this key and certificate (PEM) instead of a generated self-signed one; implies https. */
  certificate?: { keyPem: string; certPem: string };
  /** Fixed credentials; whatever is not given is random per start (userId: 19 digits). */
  credentials?: Partial<SandboxCredentials>;
  /** Time source for X-Date checks, lock expiry, the Date header and the request log. */
  clock?: SandboxClock;
  /** Stuck locks created at start for each of the two practice users (module codes 100/101/102 in turn); default 3. */
  seedLocks?: number;
  /** More stuck locks created at start (bulk, for benchmarks), spread round-robin over `seedUsers` users; default 0. */
  seed?: number;
  /** How many users the `seed` locks are spread over: the two practice users, then random ones; default 100. */
  seedUsers?: number;
  /** Token bucket of the simulated gateway: requests per second refilled; none (unlimited) by default. */
  rate?: number;
  /** Token bucket size: requests accepted at once after a quiet spell; default `rate` rounded up. Needs `rate`. */
  burst?: number;
  /** Simulated latency added before every API answer, in ms; default 0. */
  latencyMs?: number;
  /** The latency varies uniformly by up to this many ms either way; default 0. */
  jitterMs?: number;
  /** Lock lifetime after creation or renewal; default 10 minutes. */
  lockTtlMs?: number;
  /** Backup records (and their files) for the practice and seed users, modules 100-102; default true. */
  seedRecords?: boolean;
  /** Seed the "stuck backup" scenario for the sandbox user, module 102 (the practice flow does); default false. */
  stuckBackup?: boolean;
  /** How long a nextCursor stays valid; default 10 minutes. */
  cursorTtlMs?: number;
  /** No per-request log lines; default true. */
  quiet?: boolean;
  /**
   * A bad signature's 401 also carries the server's string to sign (`string_to_sign`: the algorithm and the SHA-256
   * of the canonical request it computed), as some gateways answer; default false (KooDrive documents no such
   * field: docs/koodrive-protocol.md#open-questions).
   */
  signatureDetail?: boolean;
}

export type SandboxFault =
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; retryAfterSeconds?: number }
  | { kind: 'non-json' }
  | { kind: 'html' }
  | { kind: 'huge'; bytes: number }
  | { kind: 'reset' }
  | { kind: 'slow-body'; ms: number }
  | { kind: 'hang' };

export type SandboxFaultKind = SandboxFault['kind'];

export interface ReceivedRequest {
  method: string;
  /** The path as sent, without the query string. */
  path: string;
  /** The x-backup-lock-id header, or the lock created by a POST; null when there is neither. */
  lockId: string | null;
  /** ISO-8601, from the sandbox clock. */
  at: string;
  /** What the sandbox did: 'created', 'released', 'renewed', 'rejected:<reason>' or 'fault:<kind>'. */
  outcome: string;
  /** The fault applied to this request, if any. */
  fault?: SandboxFaultKind;
}

/** A lock and the user it belongs to. */
export interface SandboxLock {
  userId: string;
  lockId: string;
  moduleCode: string;
}

/** What addLock() makes: by default a lock of the sandbox user with a random ID, module 100/101/102 in turn. */
export interface NewLock {
  /** Default: the one `lockId` ends in (`...@102`), else 100/101/102 in turn. */
  moduleCode?: string;
  userId?: string;
  /** 1-256 printable ASCII characters; must not be in use. */
  lockId?: string;
}

/** An old in-progress backup record and a held lock of the same user and module. */
export interface StuckBackup {
  userId: string;
  moduleCode: string;
  recordId: string;
  /** The record's createTime (ISO-8601). */
  createTime: string;
  lockId: string;
}

/** A backup record as the sandbox serves it, with its owner and how many files it has. */
export interface SandboxRecord {
  recordId: string;
  userId: string;
  moduleCode: string;
  status: 0 | 1 | 2;
  createTime: string;
  deviceId: string;
  fileCount: number;
  /** recordId is sent as a bare JSON integer. */
  bareId: boolean;
}

export interface RunningSandbox {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  url: string;
  credentials: SandboxCredentials;
  /** The users that stuck locks were seeded for: the sandbox user (credentials.userId) first, then the second practice user, then the `seed` users. */
  users: string[];
  /** The stuck locks seeded for the sandbox user (credentials.userId), the bearer token's user. */
  seededLockIds: string[];
  /** Every stuck lock seeded at start, with its user. */
  seededLocks: SandboxLock[];
  /** The generated self-signed certificate (PEM), when https without a given `certificate`. */
  caPem?: string;
  /** The unexpired locks of the sandbox user (credentials.userId), oldest first. */
  activeLockIds(): string[];
  /** Every unexpired lock of every user, oldest first. */
  activeLocks(): SandboxLock[];
  /** Adds a stuck lock (no conflict check); a string is the module code. Returns its lock ID. */
  addLock(lock?: string | NewLock): string;
  /** The stuck-backup scenario seeded at start (`stuckBackup: true`), else null. */
  stuckBackup: StuckBackup | null;
  /** Adds a stuck-backup scenario: default the sandbox user, module 102. */
  addStuckBackup(request?: { userId?: string; moduleCode?: string }): StuckBackup;
  /** The backup records of a user (default the sandbox user) for a module (default 102), newest first. */
  records(userId?: string, moduleCode?: string): SandboxRecord[];
  setFault(fault: SandboxFault | null, times?: number): void;
  received(): ReceivedRequest[];
  stop(): Promise<void>;
}
