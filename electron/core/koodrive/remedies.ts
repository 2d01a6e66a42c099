/**
 * The remedies of remedyMessages.ts as English text, for the callers that show or store English only (the
 * diagnostics' steps, the audit, CSV exports). The wording itself lives in shared/messages/remedies.en.ts.
 */
import { english } from '../../../shared/messages/english';
import type { Message } from '../../../shared/messages/template';
import { remedyMessages } from './remedyMessages';

export { PLAIN_HTTP_CODES } from './remedyMessages';

type InEnglish<Table> = {
  readonly [Name in keyof Table]: Table[Name] extends (...args: infer Args) => Message
    ? (...args: Args) => string
    : never;
};

function inEnglish<Table extends Record<string, (...args: never[]) => Message>>(table: Table): InEnglish<Table> {
  const entries = Object.entries(table).map(([name, make]) => [name, (...args: never[]) => english(make(...args))]);
  return Object.fromEntries(entries) as InEnglish<Table>;
}

export const remedies = inEnglish(remedyMessages);
