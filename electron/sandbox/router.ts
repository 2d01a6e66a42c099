/**
 * HTTP routing: admin paths go to the practice surface; every other request has its body read
 * (64 KiB at most), passes the simulated gateway (rate limit, latency), may be hit by the current
 * fault, is authenticated and then routed to the lock operations or the read-only record and file
 * calls, or answered 404 like the gateway does. Every request that is not admin is recorded.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleAdmin, isAdminPath } from './adminRoutes';
import { sendReply, sendSlowly, sendThenReset, streamHuge } from './deliver';
import { LOCK_ID_HEADER, LOCK_PATH, RECORD_PATH } from './endpoints';
import { bodyTooLarge, koodriveError, CODE_INNER_FAILURE, routeNotFound, throttled } from './errorBodies';
import { HTML_PAGE, NON_JSON_TEXT, statusFaultReply } from './faultReplies';
import { retryAfterSeconds } from './gateway';
import type { RouteResult } from './lockRoutes';
import { handleLockRoute, matchLockRoute } from './lockRoutes';
import type { BodyRead } from './readBody';
import { MAX_BODY_BYTES, readBody } from './readBody';
import { handleRecordRoute, matchRecordRoute } from './recordRoutes';
import { ReceivedHeaders } from './receivedHeaders';
import type { HttpReply } from './reply';
import { baseHeaders, jsonHttpReply, textHttpReply } from './reply';
import type { SandboxState } from './state';
import { isoTime } from './timeText';
import type { ReceivedRequest, SandboxFault } from './types';
import { verifyRequest } from './verifyRequest';

export function createRequestHandler(state: SandboxState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    res.sendDate = false;
    const requestId = randomUUID();
    const fail = (error: unknown) => answerInternalError(res, state, requestId, error);
    try {
      // Synchronous unless the request has a body to wait for or a delay fault applies.
      answer(req, res, state, requestId)?.catch(fail);
    } catch (error: unknown) {
      fail(error);
    }
  };
}

function answerInternalError(res: ServerResponse, state: SandboxState, requestId: string, error: unknown): void {
  state.logLine?.(`sandbox: internal error: ${error instanceof Error ? error.name : 'unknown'}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const reply = koodriveError(500, CODE_INNER_FAILURE, 'INNER_INVOKE_FAILURE: sandbox internal error');
  sendReply(res, jsonHttpReply(reply, baseHeaders(state.clock.now(), requestId)));
}

/** What every recorded request shares. */
interface Received {
  method: string;
  path: string;
  at: string;
}

/** One request: what was received, and what is needed to answer it. */
interface Exchange {
  req: IncomingMessage;
  res: ServerResponse;
  state: SandboxState;
  requestId: string;
  received: Received;
  rawUrl: string;
  headers: ReceivedHeaders;
  headerLockId: string | null;
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  state: SandboxState,
  requestId: string,
): Promise<void> | void {
  const method = req.method ?? '';
  const rawUrl = req.url ?? '/';
  const mark = rawUrl.indexOf('?');
  const path = internPath(mark < 0 ? rawUrl : rawUrl.slice(0, mark));
  if (isAdminPath(path)) return answerAdmin(req, res, path, state, requestId);

  const received: Received = { method, path, at: isoTime(state.clock.now()) };
  const headers = new ReceivedHeaders(req.rawHeaders);
  const headerLockId = headers.single(LOCK_ID_HEADER).value ?? null;
  const exchange: Exchange = { req, res, state, requestId, received, rawUrl, headers, headerLockId };

  const read = readBody(req, MAX_BODY_BYTES, headers);
  if (read instanceof Promise) return read.then((body) => afterBody(exchange, body));
  return afterBody(exchange, read);
}

async function answerAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  state: SandboxState,
  requestId: string,
): Promise<void> {
  const reply = await handleAdmin(req, path, state);
  sendReply(res, jsonHttpReply(reply, baseHeaders(state.clock.now(), requestId)));
}

function afterBody(exchange: Exchange, read: BodyRead): Promise<void> | void {
  const { req, res, state, requestId, received, headerLockId } = exchange;
  if (!read.ok) {
    if (read.reason === 'aborted') {
      record(state, received, 'rejected:aborted', headerLockId, null, null);
      return;
    }
    res.setHeader('Connection', 'close');
    req.resume();
    record(state, received, 'rejected:too-large', headerLockId, 413, null);
    sendReply(res, jsonHttpReply(bodyTooLarge(MAX_BODY_BYTES, requestId), baseHeaders(state.clock.now(), requestId)));
    return;
  }
  // The gateway decides on arrival; its latency then applies to every answer, a 429 included.
  const waitMs = state.gateway.throttle?.take() ?? 0;
  const latencyMs = state.gateway.latency?.() ?? 0;
  if (latencyMs > 0) {
    return state.timers.sleep(latencyMs).then((slept) => {
      if (slept) return afterGateway(exchange, read.body, waitMs);
    });
  }
  return afterGateway(exchange, read.body, waitMs);
}

/** `waitMs` > 0: throttled, not processed, and no fault is used up. */
function afterGateway(exchange: Exchange, body: Buffer, waitMs: number): Promise<void> | void {
  const { res, state, requestId, received, headerLockId } = exchange;
  if (waitMs > 0) {
    const throttle = state.gateway.throttle;
    const reply = throttled(throttle?.rate ?? 0, throttle?.burst ?? 0, retryAfterSeconds(waitMs), requestId);
    const httpReply = jsonHttpReply(reply, baseHeaders(state.clock.now(), requestId));
    record(state, received, 'rejected:throttled', headerLockId, httpReply.status, null);
    sendReply(res, httpReply);
    return;
  }
  const fault = state.faults.take();
  if (fault?.kind === 'delay') {
    return state.timers.sleep(fault.ms).then((slept) => {
      if (slept) afterFault(exchange, body, fault);
    });
  }
  afterFault(exchange, body, fault);
}

function afterFault(exchange: Exchange, body: Buffer, fault: SandboxFault | null): void {
  const { res, state, requestId, received, rawUrl, headers, headerLockId } = exchange;
  if (fault && replacesAnswer(fault)) {
    const status = answerFault(res, fault, state, requestId);
    record(state, received, `fault:${fault.kind}`, headerLockId, status, fault);
    return;
  }
  const now = state.clock.now();
  const result = answerRequest(
    received.method,
    rawUrl,
    received.path,
    headers,
    headerLockId,
    body,
    state,
    now,
    requestId,
  );
  const reply = jsonHttpReply(result.reply, baseHeaders(now, requestId));
  record(state, received, result.outcome, result.lockId, reply.status, fault);
  deliver(res, reply, fault, state);
}

/** The API paths as constants, so the request log does not keep each request's own copy. */
function internPath(path: string): string {
  if (path === LOCK_PATH) return LOCK_PATH;
  if (path === RECORD_PATH) return RECORD_PATH;
  return path;
}

function record(
  state: SandboxState,
  received: Received,
  outcome: string,
  lockId: string | null,
  status: number | null,
  fault: SandboxFault | null,
): void {
  const { method, path, at } = received;
  const entry: ReceivedRequest = { method, path, lockId, at, outcome };
  if (fault) entry.fault = fault.kind;
  state.log.add(entry);
  state.logLine?.(
    `${at} ${method} ${path.slice(0, 200)} -> ${status ?? 'no answer'} ${outcome}${lockId ? ` ${lockId}` : ''}`,
  );
}

function answerRequest(
  method: string,
  rawUrl: string,
  path: string,
  headers: ReceivedHeaders,
  lockId: string | null,
  body: Buffer,
  state: SandboxState,
  now: Date,
  requestId: string,
): RouteResult {
  const route = matchLockRoute(method, path) ?? matchRecordRoute(method, path);
  if (!route) return { reply: routeNotFound(method, path, requestId), outcome: 'rejected:unknown-route', lockId };
  const verified = verifyRequest({ method, rawUrl, headers, body }, state.credentials, now, requestId, {
    signatureDetail: state.signatureDetail,
  });
  if (!verified.ok) return { reply: verified.reply, outcome: verified.outcome, lockId };
  if (typeof route === 'string') return handleLockRoute(route, headers, body, verified.userId, state.locks);
  const { records, cursors } = state.backups;
  return handleRecordRoute(route, rawUrl, { records, cursors, userId: verified.userId, nowMs: now.getTime() });
}

type AnswerFault = Extract<SandboxFault, { kind: 'status' | 'non-json' | 'html' | 'huge' | 'hang' }>;

const ANSWER_FAULTS: ReadonlySet<SandboxFault['kind']> = new Set(['status', 'non-json', 'html', 'huge', 'hang']);

function replacesAnswer(fault: SandboxFault): fault is AnswerFault {
  return ANSWER_FAULTS.has(fault.kind);
}

/** Sends the fault's own answer instead of the real one; returns its status (null: none is ever sent). */
function answerFault(res: ServerResponse, fault: AnswerFault, state: SandboxState, requestId: string): number | null {
  const base = baseHeaders(state.clock.now(), requestId);
  let reply: HttpReply;
  switch (fault.kind) {
    case 'hang':
      return null;
    case 'huge':
      streamHuge(res, fault.bytes, base);
      return 200;
    case 'status':
      reply = jsonHttpReply(statusFaultReply(fault.status, fault.retryAfterSeconds, requestId), base);
      break;
    case 'non-json':
      reply = textHttpReply(200, 'text/plain;charset=UTF-8', NON_JSON_TEXT, base);
      break;
    case 'html':
      reply = textHttpReply(502, 'text/html;charset=UTF-8', HTML_PAGE, base);
      break;
  }
  sendReply(res, reply);
  return reply.status;
}

function deliver(res: ServerResponse, reply: HttpReply, fault: SandboxFault | null, state: SandboxState): void {
  if (fault?.kind === 'slow-body') sendSlowly(res, reply, fault.ms, state.timers);
  else if (fault?.kind === 'reset') sendThenReset(res, reply);
  else sendReply(res, reply);
}
