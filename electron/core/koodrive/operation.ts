/**
 * What classification and remedies need to know of one KooDrive call, so that any call (a lock operation,
 * a record read) gets the same ResultKinds and remedies worded for it. Words are messages
 * (docs/renderer.md#messages-from-main-keys-and-parameters), so a remedy reads whole in every language.
 */
import type { Message } from '../../../shared/messages/template';

export interface OperationDescriptor {
  /** The operation's name: 'release', 'list records'. */
  label: string;
  /** Only for calls that change something: what may have happened when the answer is lost or unclear. */
  changes?: {
    /** 'the lock may already be released' */
    mayHaveHappened: Message;
    /** What to look at before sending it again: 'the lock state'. */
    stateToCheck: Message;
  };
  /** The remedy of a success. */
  success: Message;
  /** The remedy of a not-found answer. */
  notFound: Message;
  /** The remedy of a refusal (409, or a business code no table knows); `note` names the code or status. */
  conflict(note: Message): Message;
  /** What to check when KooDrive rejects the request parameters: 'the lock ID (copied exactly) and the user ID'. */
  parameters: Message;
  /** Why a success answer lacks what this call must return (create: the lock ID), or null. */
  successDataProblem?(data: unknown): Message | null;
}
