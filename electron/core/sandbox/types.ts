import type { Clock } from '../clock';

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
  clock?: Clock;
  /** Stuck locks created at start (module codes 100/101/102 in turn); default 3. */
  seedLocks?: number;
  /** Lock lifetime after creation or renewal; default 10 minutes. */
  lockTtlMs?: number;
  /** No per-request log lines; default true. */
  quiet?: boolean;
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

export interface RunningSandbox {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234. */
  url: string;
  credentials: SandboxCredentials;
  seededLockIds: string[];
  /** The generated self-signed certificate (PEM), when https without a given `certificate`. */
  caPem?: string;
  activeLockIds(): string[];
  addLock(moduleCode?: string): string;
  setFault(fault: SandboxFault | null, times?: number): void;
  received(): ReceivedRequest[];
  stop(): Promise<void>;
}
