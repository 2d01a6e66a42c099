/** Step 2: a TCP connection opens (to the proxy, when the profile has one). */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import net from 'node:net';
import { errorCode } from '../koodrive/nodeErrors';
import { hostPort } from './connectionTarget';
import { type StepOutcome, failed, passed, withNote } from './stepOutcome';

function refusedRemedy(proxy: boolean): Message {
  return proxy ? message('step.tcp.refusedProxy') : message('step.tcp.refused');
}

const UNREACHABLE_REMEDY = message('step.tcp.unreachable');

export function tcpStep(input: {
  hostname: string;
  /** From the DNS step; the name itself otherwise. */
  address?: string;
  port: number;
  proxyNote: Message | null;
  timeoutMs: number;
}): Promise<StepOutcome> {
  const { hostname, port, proxyNote } = input;
  const target = hostPort(input.address ?? hostname, port);
  const what = proxyNote ? message('detail.tcp.proxyAt', { target }) : target;
  const said = (detail: Message) => withNote(detail, proxyNote);
  return new Promise<StepOutcome>((resolve) => {
    let settled = false;
    const socket = net.connect({ host: input.address ?? hostname, port });
    const finish = (outcome: StepOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        finish(
          failed(
            said(message('detail.tcp.noAnswer', { what, seconds: input.timeoutMs / 1000 })),
            message('step.tcp.noAnswer'),
          ),
        ),
      input.timeoutMs,
    );
    socket.once('connect', () => finish(passed(said(message('detail.tcp.connected', { what })))));
    socket.on('error', (error) => {
      const code = errorCode(error);
      if (code === 'ECONNREFUSED') {
        finish(failed(said(message('detail.tcp.refused', { what })), refusedRemedy(proxyNote !== null)));
      } else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') {
        finish(failed(said(message('detail.tcp.unreachable', { what, code })), UNREACHABLE_REMEDY));
      } else if (code === 'ETIMEDOUT') {
        finish(failed(said(message('detail.tcp.timedOut', { what })), message('step.tcp.timedOut')));
      } else {
        const unknown = code ?? message('detail.unknownError');
        finish(failed(said(message('detail.tcp.failed', { what, code: unknown })), UNREACHABLE_REMEDY));
      }
    });
  });
}
