import { getEventListeners } from 'node:events';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { type HttpRequest, TransportError } from '../../electron/core/koodrive/transport';

// A batch hands one AbortSignal to every request it sends; these tests pin down what that must do.

interface Server {
  url: string;
  /** Requests received so far. */
  received(): number;
  close(): Promise<void>;
}

async function startServer(answer: boolean): Promise<Server> {
  let count = 0;
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    count += 1;
    req.resume();
    if (answer) res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"code":0,"msg":"success"}');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function request(url: string, signal: AbortSignal): HttpRequest {
  return {
    method: 'DELETE',
    url: new URL(`${url}/koodrive/ose/v1/backup/lock`),
    headers: { Host: new URL(url).host, 'x-backup-lock-id': 'lock-1' },
    timeoutMs: 10_000,
    maxBodyBytes: 1024,
    signal,
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

const transport = createHttpTransport();
const servers: Server[] = [];
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

afterEach(async () => {
  process.off('warning', onWarning);
  warnings.length = 0;
  transport.close();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('one signal shared by many requests', () => {
  it('cancels every request in flight when it aborts, without a MaxListenersExceededWarning', async () => {
    process.on('warning', onWarning);
    const server = await startServer(false);
    servers.push(server);
    const controller = new AbortController();
    const pending = Array.from({ length: 20 }, () =>
      transport(request(server.url, controller.signal)).then(
        () => null,
        (error: unknown) => error,
      ),
    );
    await until(() => server.received() === 20, 'the 20 requests to arrive');
    controller.abort();
    const outcomes = await Promise.all(pending);
    for (const outcome of outcomes) {
      expect(outcome).toBeInstanceOf(TransportError);
      expect((outcome as TransportError).failure).toBe('cancelled');
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.map((warning) => warning.name)).not.toContain('MaxListenersExceededWarning');
  });

  it('leaves no listener on the signal once its requests have finished, and still honours a later abort', async () => {
    const server = await startServer(true);
    servers.push(server);
    const controller = new AbortController();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => transport(request(server.url, controller.signal))),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);

    const hanging = await startServer(false);
    servers.push(hanging);
    const late = transport(request(hanging.url, controller.signal)).catch((error: unknown) => error);
    await until(() => hanging.received() === 1, 'the request to arrive');
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort();
    const error = await late;
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).failure).toBe('cancelled');
  });
});
