/**
 * Why the requests take their route (koodrive/proxyDecision.ts gives it in English words) as a message for
 * the connection check's first steps. The decision's fixed words (ROUTE_WORDS) get their own keys; a reason or
 * note with other words (a PAC file's name, a skipped SOCKS entry) is shown as the decision said it.
 * test/unit/core/diagnostics/stepDetails.test.ts ("the route in words") checks them against decideProxy's.
 */
import { message } from '../../../shared/messages/message';
import type { MessageValue } from '../../../shared/messages/template';
import { type ProxyDecision, ROUTE_WORDS } from '../koodrive/proxyDecision';

const SYSTEM_SETTINGS = `${ROUTE_WORDS.systemSettings}: `;

const FIXED: Readonly<Record<string, MessageValue>> = {
  [ROUTE_WORDS.profile]: message('detail.route.why.profile'),
  [ROUTE_WORDS.noProxy]: message('detail.route.why.noProxy'),
  [ROUTE_WORDS.direct]: message('detail.route.why.direct'),
  [ROUTE_WORDS.systemAbsent]: message('detail.route.why.systemAbsent'),
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
