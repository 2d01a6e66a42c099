/**
 * The KooDrive sandbox in a process of its own (forked by sandboxProcess.ts), so that on a 2-core
 * machine the server and the client measured run on different cores and the client's memory is its own.
 * Locks are made with sandbox.addLock() on request over the IPC channel, in bulk and before any
 * timing starts, so no HTTP round trip for lock creation is mixed into the figures.
 */
import { startSandbox } from '../../../electron/sandbox/server';
import type { ChildReply, ParentRequest } from './sandboxMessages';

async function main(): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) throw new Error('sandboxChild.ts must be started with child_process.fork');
  const sandbox = await startSandbox({ host: '127.0.0.1', port: 0, quiet: true, seedLocks: 0 });
  let cpuMark = process.cpuUsage();
  let wallMark = performance.now();

  const reply = (message: ChildReply) => send(message);

  process.on('message', (raw: unknown) => {
    const message = raw as ParentRequest;
    switch (message.type) {
      case 'locks': {
        try {
          const lockIds = Array.from({ length: Math.max(0, Math.min(message.count, 10_000)) }, () =>
            sandbox.addLock('102'),
          );
          reply({ type: 'locks', id: message.id, lockIds });
        } catch (error) {
          reply({ type: 'error', id: message.id, message: error instanceof Error ? error.message : 'unknown error' });
        }
        break;
      }
      case 'active':
        reply({ type: 'active', id: message.id, lockIds: sandbox.activeLockIds() });
        break;
      case 'mark':
        cpuMark = process.cpuUsage();
        wallMark = performance.now();
        reply({ type: 'mark', id: message.id });
        break;
      case 'usage': {
        const cpu = process.cpuUsage(cpuMark);
        reply({
          type: 'usage',
          id: message.id,
          cpuMs: (cpu.user + cpu.system) / 1000,
          wallMs: performance.now() - wallMark,
          rss: process.memoryUsage().rss,
          activeLocks: sandbox.activeLockIds().length,
        });
        break;
      }
      case 'stop':
        void sandbox.stop().then(() => process.exit(0));
        break;
    }
  });
  process.on('disconnect', () => void sandbox.stop().then(() => process.exit(0)));
  reply({ type: 'ready', url: sandbox.url, credentials: sandbox.credentials });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
