import type { ChildProcess } from 'node:child_process';
import type { SandboxCredentials } from '../../../electron/sandbox/server';
import { forkBenchChild } from './benchChild';
import type { ChildReply, ParentRequest } from './sandboxMessages';

const START_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 20_000;

export interface SandboxUsage {
  /** CPU time the sandbox process used since the last mark(). */
  cpuMs: number;
  wallMs: number;
  rss: number;
  activeLocks: number;
}

export interface SandboxProcess {
  url: string;
  credentials: SandboxCredentials;
  pid: number;
  /** Stuck locks for the sandbox user (sandbox.addLock, module 102); at most 10,000 at a time. */
  createLocks(count: number): Promise<string[]>;
  /** Locks still held (left by a run stopped at its time limit). */
  activeLocks(): Promise<string[]>;
  /** Starts a CPU measurement window. */
  mark(): Promise<void>;
  usage(): Promise<SandboxUsage>;
  stop(): Promise<void>;
}

type Pending = { resolve: (reply: ChildReply) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };

export async function forkSandbox(): Promise<SandboxProcess> {
  const child: ChildProcess = forkBenchChild('sandboxChild');
  const pending = new Map<number, Pending>();
  let nextId = 1;

  const ready = new Promise<Extract<ChildReply, { type: 'ready' }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the sandbox process did not start')), START_TIMEOUT_MS);
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code})`)));
    child.on('message', (raw: unknown) => {
      const message = raw as ChildReply;
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message);
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.type === 'error') waiting.reject(new Error(`sandbox: ${message.message}`));
      else waiting.resolve(message);
    });
  });
  const started = await ready;

  const ask = <T extends ChildReply['type']>(request: ParentRequest): Promise<Extract<ChildReply, { type: T }>> =>
    new Promise((resolve, reject) => {
      const id = 'id' in request ? request.id : 0;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`the sandbox process did not answer ${request.type}`));
      }, REQUEST_TIMEOUT_MS);
      pending.set(id, { resolve: (reply) => resolve(reply as Extract<ChildReply, { type: T }>), reject, timer });
      child.send(request);
    });

  return {
    url: started.url,
    credentials: started.credentials,
    pid: child.pid ?? -1,
    createLocks: async (count) => (await ask<'locks'>({ type: 'locks', id: nextId++, count })).lockIds,
    activeLocks: async () => (await ask<'active'>({ type: 'active', id: nextId++ })).lockIds,
    mark: async () => {
      await ask<'mark'>({ type: 'mark', id: nextId++ });
    },
    usage: async () => {
      const { cpuMs, wallMs, rss, activeLocks } = await ask<'usage'>({ type: 'usage', id: nextId++ });
      return { cpuMs, wallMs, rss, activeLocks };
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' } satisfies ParentRequest);
      }),
  };
}
