/** A CONNECT tunnel through an http:// or https:// proxy, for the TLS step of a profile with a proxy. */
import http from 'node:http';
import type https from 'node:https';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { errorCode } from '../koodrive/nodeErrors';
import { english } from '../../../shared/messages/english';
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import { remedyMessages as remedies } from '../koodrive/remedyMessages';

const CONNECT_REMEDY = message('step.tunnel.connect');

export class TunnelError extends Error {
  constructor(
    /** What went wrong, safe to show; the error's message is it in English. */
    readonly detail: Message,
    readonly remedy: Message,
  ) {
    super(english(detail));
    this.name = 'TunnelError';
  }
}

/** Resolves with the tunnel's socket; rejects with a TunnelError whose detail is safe to show. */
export function openTunnel(input: {
  proxyHostname: string;
  proxyPort: number;
  /** host:port to tunnel to. */
  authority: string;
  timeoutMs: number;
  /** Proxy-Authorization (Basic) from credentials in the proxy URL; never shown. */
  authorization?: string | null;
  /** For an https:// proxy: the trust its certificate is verified with. */
  tlsTo?: tls.SecureContext;
}): Promise<Duplex> {
  return new Promise<Duplex>((resolve, reject) => {
    let settled = false;
    const options: https.RequestOptions & { secureContext?: tls.SecureContext } = {
      hostname: input.proxyHostname,
      port: input.proxyPort,
      method: 'CONNECT',
      path: input.authority,
      headers: {
        host: input.authority,
        ...(input.authorization ? { 'proxy-authorization': input.authorization } : {}),
      },
      agent: false,
    };
    if (input.tlsTo) {
      options.secureContext = input.tlsTo;
      options.rejectUnauthorized = true;
      // Never the Host header's name (the KooDrive host), which Node's agent would otherwise use; '' = no SNI for an IP.
      options.servername = isIP(input.proxyHostname) ? '' : input.proxyHostname;
    }
    // node:https loads for an https:// proxy only, not when the app starts (docs/benchmarks.md, desktop start-up).
    const request = (input.tlsTo ? process.getBuiltinModule('node:https') : http).request(options);
    const fail = (detail: Message, remedy = CONNECT_REMEDY) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(new TunnelError(detail, remedy));
    };
    const { authority } = input;
    const timer = setTimeout(
      () => fail(message('detail.tunnel.slow', { authority, seconds: input.timeoutMs / 1000 })),
      input.timeoutMs,
    );
    request.on('error', (error) =>
      fail(
        message('detail.tunnel.unreachable', { code: errorCode(error) ?? message('detail.unknownError') }),
        remedies.proxyUnreachable(),
      ),
    );
    request.once('connect', (response: http.IncomingMessage, socket: Duplex, head: Buffer) => {
      if (settled) {
        socket.destroy();
        return;
      }
      if (response.statusCode === 407) {
        socket.destroy();
        const detail = input.authorization
          ? message('detail.tunnel.authRejected')
          : message('detail.tunnel.authRequired');
        fail(detail, remedies.proxyAuth());
        return;
      }
      if (response.statusCode !== 200) {
        socket.destroy();
        fail(message('detail.tunnel.refused', { authority, status: response.statusCode ?? 0 }));
        return;
      }
      settled = true;
      clearTimeout(timer);
      if (head.length > 0) socket.unshift(head);
      resolve(socket);
    });
    request.end();
  });
}
