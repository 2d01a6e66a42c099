/**
 * The KooDrive sandbox: a strict, KooDrive-compatible local server for backup locks, to practise
 * against and to test with. See docs/sandbox.md.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { isLoopbackHost } from '../../shared/identifiers';
import { generateLoopbackCertificate } from './certificate';
import { systemClock } from './clock';
import { resolveCredentials } from './credentials';
import { FaultSchedule } from './faults';
import { gatewayFrom } from './gateway';
import { LockTable } from './lockTable';
import { RequestLog } from './requestLog';
import { createRequestHandler } from './router';
import type { SandboxState } from './state';
import type { BackupRecordEntry } from './backupRecords';
import { RecordStore } from './backupRecords';
import { PageCursors } from './pageCursor';
import { RecordIds } from './recordIds';
import { practiceSeeder } from './recordSeed';
import { addStuckBackup } from './stuckBackup';
import { lockAdder, seedStuckLocks } from './stuckLocks';
import { TimerSet } from './timers';
import type { RunningSandbox, SandboxOptions, SandboxRecord } from './types';

export type {
  NewLock,
  ReceivedRequest,
  RunningSandbox,
  SandboxCredentials,
  SandboxFault,
  SandboxFaultKind,
  SandboxLock,
  SandboxOptions,
  SandboxRecord,
  StuckBackup,
} from './types';
export { DEFAULT_SEED_LOCKS } from './stuckLocks';

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopbackHost(host)) throw new Error(`The sandbox listens on loopback addresses only, not "${host}".`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('port must be a whole number 0-65535.');

  const credentials = resolveCredentials(options.credentials);
  const clock = options.clock ?? systemClock;
  const gateway = gatewayFrom(options, clock);
  const locks = new LockTable(clock, options.lockTtlMs);
  const addLock = lockAdder(locks, credentials.userId);
  const seeded = seedStuckLocks(options, credentials.userId, addLock);
  const ids = new RecordIds();
  const recordUsers = new Set(options.seedRecords === false ? [] : seeded.users);
  const backups = {
    records: new RecordStore(practiceSeeder(recordUsers, clock.now().getTime(), ids)),
    ids,
    cursors: new PageCursors(options.cursorTtlMs),
  };
  const stuckBackupFor = (request?: { userId?: string; moduleCode?: string }) =>
    addStuckBackup(backups, addLock, clock.now().getTime(), credentials.userId, request);
  const stuckBackup = options.stuckBackup ? stuckBackupFor() : null;
  const state: SandboxState = {
    credentials,
    clock,
    locks,
    faults: new FaultSchedule(),
    log: new RequestLog(),
    timers: new TimerSet(),
    gateway,
    addLock,
    backups,
    addStuckBackup: stuckBackupFor,
    signatureDetail: options.signatureDetail === true,
    logLine: options.quiet === false ? (line) => console.log(line) : null,
  };

  const handler = createRequestHandler(state);
  const certificate = options.certificate ?? (options.https ? await generateLoopbackCertificate() : null);
  const server = certificate
    ? https.createServer({ key: certificate.keyPem, cert: certificate.certPem }, handler)
    : http.createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await listen(server, port, host);

  const address = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host.replace(/^\[|\]$/g, '')}]` : host;
  const url = `${certificate ? 'https' : 'http'}://${urlHost}:${address.port}`;

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      state.timers.stopAll();
      server.close(() => resolve());
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
    });
    return stopping;
  };

  return {
    url,
    credentials: { ...credentials },
    users: seeded.users,
    seededLockIds: seeded.locks.filter((lock) => lock.userId === credentials.userId).map((lock) => lock.lockId),
    seededLocks: seeded.locks,
    ...(certificate && !options.certificate ? { caPem: certificate.certPem } : {}),
    activeLockIds: () =>
      locks
        .active()
        .filter((lock) => lock.userId === credentials.userId)
        .map((lock) => lock.lockId),
    activeLocks: () => locks.active().map(({ userId, lockId, moduleCode }) => ({ userId, lockId, moduleCode })),
    addLock,
    stuckBackup,
    addStuckBackup: stuckBackupFor,
    records: (userId = credentials.userId, moduleCode = '102') =>
      backups.records.list(userId, moduleCode).map((record) => sandboxRecord(record)),
    setFault: (fault, times) => state.faults.set(fault, times),
    received: () => state.log.list(),
    stop,
  };
}

function sandboxRecord(record: BackupRecordEntry): SandboxRecord {
  const { recordId, userId, moduleCode, status, fileCount, bareId } = record;
  return {
    recordId,
    userId,
    moduleCode,
    status,
    createTime: new Date(record.createdAtMs).toISOString(),
    deviceId: record.device.deviceId,
    fileCount,
    bareId,
  };
}

function listen(server: http.Server | https.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
