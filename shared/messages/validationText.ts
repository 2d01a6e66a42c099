/** An input check's message in English, with the validation table only (small enough for the first screen). */
import type { Message } from './template';
import { formatMessage } from './template';
import { validationEn } from './validation.en';

export function validationText(problem: Message): string {
  return formatMessage(validationEn, problem) ?? problem.key;
}
