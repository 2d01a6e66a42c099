import type { SandboxCredentials } from '../../../electron/sandbox/server';

export type ParentRequest =
  | { type: 'locks'; id: number; count: number }
  | { type: 'active'; id: number }
  | { type: 'mark'; id: number }
  | { type: 'usage'; id: number }
  | { type: 'stop' };

export type ChildReply =
  | { type: 'ready'; url: string; credentials: SandboxCredentials }
  | { type: 'locks'; id: number; lockIds: string[] }
  | { type: 'active'; id: number; lockIds: string[] }
  | { type: 'error'; id: number; message: string }
  | { type: 'mark'; id: number }
  | { type: 'usage'; id: number; cpuMs: number; wallMs: number; rss: number; activeLocks: number };
