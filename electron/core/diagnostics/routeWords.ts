/**
 * Why the requests take their route (koodrive/proxyDecision.ts gives it in English words) as a message for
 * the connection check's first steps. The fixed reasons and notes of the decision get their own keys; a
 * reason or note with other words (a PAC file's name, a skipped SOCKS entry) is shown as the decision said it.
 * test/unit/core/diagnostics/routeWords.test.ts pins the words against decideProxy's.
 */
import { message } from '../../../shared/messages/message';
import type { MessageValue } from '../../../shared/messages/template';
import type { ProxyDecision } from '../koodrive/proxyDecision';

const SYSTEM_SETTINGS = 'system proxy settings: ';

const FIXED: Readonly<Record<string, MessageValue>> = {
  'set in the profile': message('detail.route.why.profile'),
  'NO_PROXY exempts the host': message('detail.route.why.noProxy'),
  direct: message('detail.route.why.direct'),
  'system proxy: not available in this host': message('detail.route.why.systemAbsent'),
};

function wordsOf(text: string): MessageValue {
  const fixed = FIXED[text];
  if (fixed !== undefined) return fixed;
  if (text.startsWith(SYSTEM_SETTINGS)) {
    return message('detail.route.why.systemAnswer', { answer: text.slice(SYSTEM_SETTINGS.length) });
  }
  return text;
}

/** The reason, then the notes: "direct; system proxy: not available in this host". */
export function routeWhy(decision: ProxyDecision): MessageValue {
  return decision.notes.reduce<MessageValue>(
    (why, note) => message('detail.route.why.withNote', { why, note: wordsOf(note) }),
    wordsOf(decision.reason),
  );
}
