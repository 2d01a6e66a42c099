import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appFileHandler } from '../../../electron/main/appFileHandler';
import { APP_ORIGIN } from '../../../electron/main/appScheme';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/csp';

export interface StaticServer {
  /** http://127.0.0.1:<port>/ */
  url: string;
  close(): Promise<void>;
}

/** The app:// URL that Electron would request for a path of this server. */
export function appUrlFor(pathAndQuery: string): string {
  return new URL(pathAndQuery, `${APP_ORIGIN}/`).href;
}

async function answer(handler: ReturnType<typeof appFileHandler>, request: IncomingMessage, response: ServerResponse) {
  const appRequest = new Request(appUrlFor(request.url ?? '/'), { method: request.method ?? 'GET' });
  const appResponse = await handler(appRequest);
  response.writeHead(appResponse.status, Object.fromEntries(appResponse.headers));
  response.end(Buffer.from(await appResponse.arrayBuffer()));
}

/**
 * Serves a built folder on 127.0.0.1 through main's own app:// handler (electron/main/appFileHandler.ts):
 * each request is turned into the app://koodrive/... request Electron would make, and the handler's
 * answer (files, refusals, Content-Security-Policy and the other headers) is sent back unchanged.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const handler = appFileHandler(root, CONTENT_SECURITY_POLICY);
  const server: Server = createServer((request, response) => {
    answer(handler, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
