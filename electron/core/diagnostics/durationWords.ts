/** A rough amount of time ("3 seconds", "20 minutes") as a message, for clock messages. */
import { message } from '../../../shared/messages/message';
import type { Message } from '../../../shared/messages/template';

export function durationWords(ms: number): Message {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds === 1) return message('clock.amount.oneSecond');
  if (seconds < 120) return message('amount.seconds', { count: seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return message('amount.minutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return message('clock.amount.hours', { count: hours });
  return message('clock.amount.days', { count: Math.round(hours / 24) });
}
