/**
 * What a batch will send: the parsed (user, lock) rows, each with the user it acts for (the row's, else
 * the batch's one user, else the profile's default), checked the way main checks them (resolveUserId),
 * so that the screen lists every row main would refuse before anything is sent.
 */
import type { BatchInput, BatchInputProblem } from '../../../../shared/batchInput';
import { userIdProblemMessage } from '../../../../shared/identifiers';
import type { Message } from '../../../../shared/messages/template';
import { validationText } from '../../../../shared/messages/validationText';
import { type Profile, resolveUserId } from '../../../../shared/profile';

export interface BatchRow {
  /** The row's own user, if the input had a user column. */
  userId?: string;
  lockId: string;
}

export interface BatchPlan {
  /** Rows that can be sent, in input order. */
  rows: BatchRow[];
  /** The parser's invalid rows and the rows whose user cannot be used with this profile. */
  invalid: BatchInputProblem[];
  /** Rows without a user of their own while there is no batch user and no default user. */
  withoutUser: number;
  /** How many different users the rows act for. */
  users: number;
  /** The one user for rows without one ('' when none was entered), and what is wrong with it. */
  batchUserId: string;
  batchUserProblem: string | null;
  /** batchUserProblem as a message, for the window's language. */
  batchUserProblemMessage: Message | null;
}

export function planBatch(input: BatchInput, profile: Profile, batchUserText: string): BatchPlan {
  const bearer = profile.authMode === 'bearer';
  const batchUserId = bearer ? '' : batchUserText.trim();
  const batchUserProblemMessage = batchUserId === '' ? null : userIdProblemMessage(batchUserId);
  const batchUserProblem = batchUserProblemMessage && validationText(batchUserProblemMessage);
  const fallback = batchUserId !== '' && batchUserProblem === null ? batchUserId : undefined;
  const rows: BatchRow[] = [];
  const invalid: BatchInputProblem[] = [...input.invalid];
  const users = new Set<string>();
  let withoutUser = 0;
  for (const row of input.rows) {
    if (row.userId === null && fallback === undefined && !profile.userId) {
      withoutUser += 1;
      continue;
    }
    const user = resolveUserId(profile, row.userId ?? fallback);
    if (!user.ok) {
      invalid.push({
        line: row.line,
        text: row.userId ?? '',
        problem: user.problem,
        problemMessage: user.problemMessage,
      });
      continue;
    }
    users.add(user.userId);
    rows.push(row.userId === null ? { lockId: row.lockId } : { userId: row.userId, lockId: row.lockId });
  }
  invalid.sort((a, b) => a.line - b.line);
  return { rows, invalid, withoutUser, users: users.size, batchUserId, batchUserProblem, batchUserProblemMessage };
}
