import type { LockAdminApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload (or, in the end-to-end tests, by an init script). Absent in a plain browser. */
    readonly lockAdmin?: LockAdminApi;
  }
}

export {};
