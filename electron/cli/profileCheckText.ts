/** The profile checks' words in the CLI's language (docs/cli.md#language), after the flag they are about. */
import { type MessageLocale, localized } from '../../shared/messages/localized';
import { message } from '../../shared/messages/message';
import type { ProfileInput } from '../../shared/profile';
import { profileProblemMessage } from '../../shared/profile';
import type { SchemaError } from '../../shared/schema';
import { remedyIn } from './cliLocale';

/** "--base-url: <the problem>", the problem in the CLI's language when the check has a message for it. */
export function flagProblemText(locale: MessageLocale, flag: string, error: SchemaError): string {
  return `${flag}: ${remedyIn(locale, error.problem, error.problemMessage)}`;
}

/**
 * What the rules across fields refuse (app auth without an App ID, a bearer token without its user), with the
 * flag that gives it; null when they pass.
 */
export function missingFieldText(
  locale: MessageLocale,
  input: ProfileInput,
  options: { nothingChanged?: boolean } = {},
): string | null {
  const problem = profileProblemMessage(input);
  if (!problem) return null;
  const flag = input.authMode === 'app' ? '--app-id' : '--user-id';
  const parts = [localized(locale, problem), localized(locale, message('validation.cli.giveWith', { flag }))];
  if (options.nothingChanged) parts.push(localized(locale, message('validation.cli.nothingChanged')));
  return parts.join(locale === 'zh-CN' ? '' : ' ');
}
