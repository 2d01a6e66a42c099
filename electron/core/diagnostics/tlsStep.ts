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
import type { Message } from '../../../shared/messages/template';
import { remedyMessages as remedies } from '../koodrive/remedyMessages';
import { TLS_OVERRIDE_VARIABLE, tlsVerificationDisabled } from '../koodrive/tlsEnvironment';
import { errorCode, plainHttpCode } from '../koodrive/nodeErrors';
import { ExtraCaError, trustContext } from '../koodrive/trustStore';
import { certificateNames, daysToExpiry, summarizeCertificate } from './certificateSummary';
import { type ConnectionTarget, hostPort } from './connectionTarget';
import { TunnelError, openTunnel } from './proxyTunnel';
import { type StepOutcome, failed, outcome, passed } from './stepOutcome';

const EXPIRY_WARNING_DAYS = 14;
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
const UNKNOWN_CA = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);
const HANDSHAKE_REMEDY = message('step.tls.handshake');

function secureContextFor(caPem: string | undefined): tls.SecureContext | { problem: Message } {
  try {
    return trustContext(caPem);
  } catch (error) {
    if (error instanceof ExtraCaError) return { problem: message('detail.tls.caUnreadable') };
    throw error;
  }
}

function verificationCode(socket: tls.TLSSocket): string | null {
  // Node sets the OpenSSL code (a string) here, although the type says Error.
  const raw: unknown = socket.authorizationError;
  if (typeof raw === 'string') return raw;
  return errorCode(raw) ?? (raw instanceof Error ? raw.message : null);
}

function judge(socket: tls.TLSSocket, hostname: string, nowMs: number): StepOutcome {
  const peer = socket.getPeerX509Certificate();
  const protocol = socket.getProtocol() ?? 'TLS';
  if (!peer) return failed(message('detail.tls.noCertificate', { protocol }), remedies.tls(undefined));
  const certificate = summarizeCertificate(peer);
  const days = daysToExpiry(certificate, nowMs);
  const withCertificate = (outcome: StepOutcome): StepOutcome => ({ ...outcome, certificate });

  if (!socket.authorized) {
    const code = verificationCode(socket);
    if (code === null) {
      const unknown = message('detail.tls.unknownVerification');
      return withCertificate(failed(message('detail.tls.notAccepted', { code: unknown }), remedies.tls(undefined)));
    }
    if (SELF_SIGNED.has(code)) {
      return withCertificate(failed(message('detail.tls.selfSigned', { code }), message('step.tls.selfSigned')));
    }
    if (UNKNOWN_CA.has(code)) {
      return withCertificate(
        failed(message('detail.tls.unknownCa', { code, issuer: certificate.issuer }), message('step.tls.unknownCa')),
      );
    }
    if (code === 'CERT_HAS_EXPIRED') {
      return withCertificate(
        failed(message('detail.tls.expired', { code, validTo: certificate.validTo }), message('step.tls.expired')),
      );
    }
    if (code === 'CERT_NOT_YET_VALID') {
      return withCertificate(
        failed(
          message('detail.tls.notYetValid', { code, validFrom: certificate.validFrom }),
          message('step.tls.notYetValid'),
        ),
      );
    }
    if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
      return withCertificate(
        failed(
          message('detail.tls.otherHost', { code, names: certificateNames(peer), host: hostname }),
          message('step.tls.otherHost'),
        ),
      );
    }
    return withCertificate(failed(message('detail.tls.notAccepted', { code }), remedies.tls(code)));
  }

  const detail =
    days === null
      ? message('detail.tls.trusted', { protocol, host: hostname })
      : days === 1
        ? message('detail.tls.trustedExpiresOne', { protocol, host: hostname })
        : message('detail.tls.trustedExpires', { protocol, host: hostname, days });
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
    return Promise.resolve(outcome(null, message('detail.tls.skippedPlain'), null));
  }
  if (tlsVerificationDisabled()) {
    const remedy = message('step.tls.override', { variable: TLS_OVERRIDE_VARIABLE });
    return Promise.resolve(failed(message('detail.tls.checksOff'), remedy));
  }
  const context = secureContextFor(input.caPem);
  if ('problem' in context) {
    return Promise.resolve(failed(context.problem, message('step.tls.caPem')));
  }
  const authority = hostPort(target.hostname, target.port);
  const where = target.proxy
    ? message('detail.tls.throughProxy', { where: authority, proxy: target.proxy.url.host })
    : authority;

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
      () => finish(failed(message('detail.tls.slow', { where, seconds: input.timeoutMs / 1000 }), HANDSHAKE_REMEDY)),
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
        const code = errorCode(error);
        const plain = plainHttpCode(code, error);
        if (plain) {
          finish(failed(message('detail.tls.plainHttp', { where, code: plain }), remedies.tls(plain)));
          return;
        }
        const shown = code ?? message('detail.unknownError');
        finish(failed(message('detail.tls.failed', { where, code: shown }), HANDSHAKE_REMEDY));
      });
    };
    if (!target.proxy) {
      handshake();
      return;
    }
    openTunnel({
      proxyHostname: target.proxy.hostname,
      proxyPort: target.proxy.port,
      authority,
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
            ? failed(error.detail, error.remedy)
            : failed(message('detail.tunnel.none'), message('step.tunnel.failed')),
        ),
    );
  });
}
