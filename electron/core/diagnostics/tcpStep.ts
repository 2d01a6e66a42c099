/** Step 2: a TCP connection opens (to the proxy, when the profile has one). */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';
import net from 'node:net';
import { errorCode } from '../koodrive/nodeErrors';
import { hostPort } from './connectionTarget';
import { type StepOutcome, failed, passed } from './stepOutcome';

function refusedRemedy(proxy: boolean): Message {
  return proxy ? message('step.tcp.refusedProxy') : message('step.tcp.refused');
}

const UNREACHABLE_REMEDY = message('step.tcp.unreachable');

export function tcpStep(input: {
  hostname: string;
  /** From the DNS step; the name itself otherwise. */
  address?: string;
  port: number;
  proxyNote: string | null;
  timeoutMs: number;
}): Promise<StepOutcome> {
  const { hostname, port, proxyNote } = input;
  const target = hostPort(input.address ?? hostname, port);
  const what = proxyNote ? `the proxy at ${target}` : target;
  const via = proxyNote ? ` ${proxyNote}` : '';
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
            `No answer to the connection attempt to ${what} within ${input.timeoutMs / 1000} s.${via}`,
            message('step.tcp.noAnswer'),
          ),
        ),
      input.timeoutMs,
    );
    socket.once('connect', () => finish(passed(`Connected to ${what}.${via}`)));
    socket.on('error', (error) => {
      const code = errorCode(error) ?? 'unknown error';
      if (code === 'ECONNREFUSED') {
        finish(
          failed(`The connection to ${what} was refused (ECONNREFUSED).${via}`, refusedRemedy(proxyNote !== null)),
        );
      } else if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'ENETDOWN' || code === 'EHOSTDOWN') {
        finish(failed(`${what} cannot be reached (${code}).${via}`, UNREACHABLE_REMEDY));
      } else if (code === 'ETIMEDOUT') {
        finish(failed(`The connection to ${what} timed out (ETIMEDOUT).${via}`, message('step.tcp.timedOut')));
      } else {
        finish(failed(`Could not connect to ${what} (${code}).${via}`, UNREACHABLE_REMEDY));
      }
    });
  });
}
