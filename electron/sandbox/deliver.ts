/** Writing replies to the socket: normally, slowly, cut off after the headers, or as a huge stream. */
import type { ServerResponse } from 'node:http';
import { hugeBodyFrame } from './faultReplies';
import type { HttpReply } from './reply';
import { JSON_TYPE } from './reply';
import type { TimerSet } from './timers';

const FILL_CHUNK = Buffer.alloc(64 * 1024, 'x');
const SLOW_PIECES = 10;

export function sendReply(res: ServerResponse, reply: HttpReply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

/** Headers at once, then the body in up to 10 pieces spread evenly over `ms`. */
export function sendSlowly(res: ServerResponse, reply: HttpReply, ms: number, timers: TimerSet): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, reply.headers);
  res.flushHeaders();
  const pieces = Math.max(1, Math.min(SLOW_PIECES, reply.body.length));
  const size = Math.ceil(reply.body.length / pieces);
  const drip = (index: number) => {
    if (res.destroyed) return;
    const chunk = reply.body.subarray(index * size, (index + 1) * size);
    if (index + 1 >= pieces) {
      res.end(chunk);
      return;
    }
    res.write(chunk);
    timers.after(ms / pieces, () => drip(index + 1));
  };
  timers.after(ms / pieces, () => drip(0));
}

/** Headers and the first body byte, then socket.destroy(): the client sees the response break off. */
export function sendThenReset(res: ServerResponse, reply: HttpReply): void {
  if (res.destroyed) return;
  res.writeHead(reply.status, reply.headers);
  res.write(reply.body.subarray(0, 1), () => res.socket?.destroy());
}

/** A 200 with a `bytes`-long body, streamed with back-pressure; never holds more than 64 KiB. */
export function streamHuge(res: ServerResponse, bytes: number, base: Readonly<Record<string, string>>): void {
  if (res.destroyed) return;
  const { prefix, fillBytes, suffix } = hugeBodyFrame(bytes);
  res.writeHead(200, { ...base, 'Content-Type': JSON_TYPE, 'Content-Length': String(bytes) });
  res.write(prefix);
  let remaining = fillBytes;
  const pump = () => {
    while (remaining > 0) {
      if (res.destroyed) return;
      const chunk = remaining >= FILL_CHUNK.length ? FILL_CHUNK : FILL_CHUNK.subarray(0, remaining);
      remaining -= chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', pump);
        return;
      }
    }
    res.end(suffix);
  };
  pump();
}
