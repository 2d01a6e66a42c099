/** Step 4: the server answers HTTP at all. Any status will do; the request is unauthenticated and changes nothing. */
import { message } from '../../../shared/messages/message';
import type { ConnectionSettings } from '../koodrive/connectionFor';
import { type Transport, TransportError } from '../koodrive/transport';
import { DIAGNOSTIC_MAX_BODY_BYTES } from './stepLimits';
import { type StepOutcome, asReported, failed, passed } from './stepOutcome';
import { transportRemedy } from './transportRemedy';

export async function httpStep(input: {
  /** The profile's TLS and proxy settings (connectionFor), as a lock operation uses them. */
  connection: ConnectionSettings;
  /** The lock endpoint: a path the KooDrive gateway routes. */
  url: URL;
  transport: Transport;
  timeoutMs: number;
}): Promise<StepOutcome> {
  const { url } = input;
  try {
    const response = await input.transport({
      method: 'GET',
      url,
      headers: { Host: url.host },
      timeoutMs: input.timeoutMs,
      maxBodyBytes: DIAGNOSTIC_MAX_BODY_BYTES,
      ...input.connection,
    });
    const answered = input.connection.proxyUrl ? 'detail.http.answeredThroughProxy' : 'detail.http.answered';
    return passed(message(answered, { status: response.status, path: url.pathname }));
  } catch (error) {
    if (error instanceof TransportError) {
      if (error.failure === 'too-large' && error.httpStatus !== undefined) {
        return passed(message('detail.http.tooLarge', { status: error.httpStatus }));
      }
      return failed(asReported(error.message), transportRemedy(error));
    }
    return failed(message('detail.http.internal'), message('step.tryAgain'));
  }
}
