/**
 * What classification and remedies need to know of one KooDrive call, so that any call (a lock operation,
 * a record read) gets the same ResultKinds and remedies worded for it.
 */
export interface OperationDescriptor {
  /** The operation's name: 'release', 'list records'. */
  label: string;
  /** Only for calls that change something: what may have happened when the answer is lost or unclear. */
  changes?: {
    /** 'the lock may already be released' */
    mayHaveHappened: string;
    /** What to look at before sending it again: 'the lock state'. */
    stateToCheck: string;
  };
  /** The remedy of a success. */
  success: string;
  /** The remedy of a not-found answer. */
  notFound: string;
  /** The remedy of a refusal (409, or a business code no table knows); `note` names the code or status. */
  conflict(note: string): string;
  /** What to check when KooDrive rejects the request parameters: 'the lock ID (copied exactly) and the user ID'. */
  parameters: string;
  /** Why a success answer lacks what this call must return (create: the lock ID), or null. */
  successDataProblem?(data: unknown): string | null;
}
