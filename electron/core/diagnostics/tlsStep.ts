/**
 * Step 3: the TLS handshake, with the profile's extra CA, through the proxy's tunnel when there is one.
 * The handshake is completed without rejecting the certificate so that it can be described (subject,
 * issuer, validity) even when it is not trusted; the verdict comes from Node's verification result
 * (socket.authorized, which NODE_TLS_REJECT_UNAUTHORIZED does not change). Nothing is sent over this
 * socket; requests go through the transport, which always verifies.
 */
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import { message } from '../../../shared/messages/message';
import { remedyMessages as remedies } from '../koodrive/remedyMessages';
import { TLS_OVERRIDE_VARIABLE, tlsVerificationDisabled } from '../koodrive/tlsEnvironment';
import { errorCode, plainHttpCode } from '../koodrive/nodeErrors';
import { ExtraCaError, trustContext } from '../koodrive/trustStore';
import { certificateNames, daysToExpiry, summarizeCertificate } from './certificateSummary';
import { type ConnectionTarget, hostPort } from './connectionTarget';
import { TunnelError, openTunnel } from './proxyTunnel';
import { type StepOutcome, failed, passed } from './stepOutcome';

const EXPIRY_WARNING_DAYS = 14;
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
const HANDSHAKE_REMEDY = message('step.tls.handshake');

function secureContextFor(caPem: string | undefined): tls.SecureContext | { problem: string } {
  try {
    return trustContext(caPem);
  } catch (error) {
    if (error instanceof ExtraCaError)
      return { problem: 'The extra CA certificate (PEM) in the profile could not be read.' };
    throw error;
  }
}

function verificationCode(socket: tls.TLSSocket): string {
  // Node sets the OpenSSL code (a string) here, although the type says Error.
  const raw: unknown = socket.authorizationError;
  if (typeof raw === 'string') return raw;
  return errorCode(raw) ?? (raw instanceof Error ? raw.message : 'unknown verification error');
}

function judge(socket: tls.TLSSocket, hostname: string, nowMs: number): StepOutcome {
  const peer = socket.getPeerX509Certificate();
  const protocol = socket.getProtocol() ?? 'TLS';
  if (!peer) return failed(`The server sent no certificate (${protocol}).`, remedies.tls(undefined));
  const certificate = summarizeCertificate(peer);
  const days = daysToExpiry(certificate, nowMs);
  const withCertificate = (outcome: StepOutcome): StepOutcome => ({ ...outcome, certificate });

  if (!socket.authorized) {
    const code = verificationCode(socket);
    if (SELF_SIGNED.has(code)) {
      return withCertificate(
        failed(
          `The server's certificate is self-signed (${code}), so this computer does not trust it.`,
          message('step.tls.selfSigned'),
        ),
      );
    }
    if (UNKNOWN_CA.has(code)) {
      return withCertificate(
        failed(
          `The certificate was issued by a CA this computer does not trust (${code}; issuer ${certificate.issuer}).`,
          message('step.tls.unknownCa'),
        ),
      );
    }
    if (code === 'CERT_HAS_EXPIRED') {
      return withCertificate(
        failed(`The server's certificate expired on ${certificate.validTo} (${code}).`, message('step.tls.expired')),
      );
    }
    if (code === 'CERT_NOT_YET_VALID') {
      return withCertificate(
        failed(
          `The server's certificate is only valid from ${certificate.validFrom} (${code}).`,
          message('step.tls.notYetValid'),
        ),
      );
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
      return withCertificate(
        failed(
          `The certificate is for ${certificateNames(peer)}, not for ${hostname} (${code}).`,
          message('step.tls.otherHost'),
        ),
      );
    }
    return withCertificate(failed(`The server's certificate is not accepted (${code}).`, remedies.tls(code)));
  }

  const left = days === null ? '' : `, expires in ${days} day${days === 1 ? '' : 's'}`;
  const detail = `${protocol}; the certificate is trusted and valid for ${hostname}${left}.`;
  if (days !== null && days < EXPIRY_WARNING_DAYS) {
    return withCertificate(
      passed(
        detail,
        days === 1
          ? message('step.tls.expiresSoonOne', { validTo: certificate.validTo })
          : message('step.tls.expiresSoon', { days, validTo: certificate.validTo }),
      ),
    );
  }
  return withCertificate(passed(detail));
}

export function tlsStep(input: {
  target: ConnectionTarget;
  caPem?: string;
  timeoutMs: number;
  nowMs: number;
}): Promise<StepOutcome> {
  const { target } = input;
  if (!target.secure) {
    return Promise.resolve({
      ok: null,
      detail: 'Skipped: plain HTTP to the local sandbox, so there is no TLS to check.',
      remedy: null,
    });
  }
  if (tlsVerificationDisabled()) {
    const remedy = message('step.tls.override', { variable: TLS_OVERRIDE_VARIABLE });
    return Promise.resolve(failed('Certificate checks are turned off by the environment.', remedy));
  }
  const context = secureContextFor(input.caPem);
  if ('problem' in context) {
    return Promise.resolve(failed(context.problem, message('step.tls.caPem')));
  }
  const where = hostPort(target.hostname, target.port);
  const via = target.proxy ? ` (through the proxy ${target.proxy.url.host})` : '';

  return new Promise<StepOutcome>((resolve) => {
    let settled = false;
    let secure: tls.TLSSocket | null = null;
    let tunnel: Duplex | null = null;
    const finish = (outcome: StepOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The TLS socket before the tunnel under it: destroying the tunnel first can crash Node 20 (SIGSEGV).
      secure?.destroy();
      tunnel?.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        finish(
          failed(
            `The TLS handshake with ${where}${via} did not finish within ${input.timeoutMs / 1000} s.`,
            HANDSHAKE_REMEDY,
          ),
        ),
      input.timeoutMs,
    );
    const handshake = (through?: Duplex) => {
      // node:tls loads with the first check, not when the app starts (docs/benchmarks.md, desktop start-up).
      const socket = process.getBuiltinModule('node:tls').connect({
        host: target.hostname,
        port: target.port,
        ...(through ? { socket: through } : {}),
        ...(isIP(target.hostname) ? {} : { servername: target.hostname }),
        secureContext: context,
        rejectUnauthorized: false,
        ALPNProtocols: ['http/1.1'],
      });
      secure = socket;
      socket.once('secureConnect', () => finish(judge(socket, target.hostname, input.nowMs)));
      socket.on('error', (error) => {
        const code = errorCode(error) ?? 'unknown error';
        const plain = plainHttpCode(code, error);
        if (plain) {
          finish(
            failed(`${where}${via} does not speak TLS: it answered like plain HTTP (${plain}).`, remedies.tls(plain)),
          );
          return;
        }
        finish(failed(`The TLS handshake with ${where}${via} failed (${code}).`, HANDSHAKE_REMEDY));
      });
    };
    if (!target.proxy) {
      handshake();
      return;
    }
    openTunnel({
      proxyHostname: target.proxy.hostname,
      proxyPort: target.proxy.port,
      authority: where,
      timeoutMs: input.timeoutMs,
      authorization: target.proxy.authorization,
      ...(target.proxy.secure ? { tlsTo: context } : {}),
    }).then(
      (opened) => {
        // Its errors reach the TLS socket on top of it, which reports them.
        opened.on('error', () => {});
        if (settled) {
          opened.destroy();
          return;
        }
        tunnel = opened;
        handshake(opened);
      },
      (error: unknown) =>
        finish(
          error instanceof TunnelError
            ? failed(error.message, error.remedy)
            : failed('The proxy did not open a tunnel.', message('step.tunnel.failed')),
        ),
    );
  });
}
