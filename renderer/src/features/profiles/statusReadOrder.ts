/**
 * Keeps a slow keychain read from undoing a store or removal. A read sent while a change runs, or answered after
 * a change started, may describe the keychain before that change (main serves both at once), so its answer is
 * dropped: the change's own answer says how the keychain is.
 */
export interface StatusReadOrder {
  /** Call when a read is sent; the returned function says, once it is answered, whether its answer may be shown. */
  readSent(): () => boolean;
  /** Call when a store, removal or refresh is sent; call the returned function when it is answered. */
  changeSent(): () => void;
}

export function createStatusReadOrder(): StatusReadOrder {
  let changesSent = 0;
  let changesRunning = 0;
  return {
    readSent() {
      const sentAfter = changesSent;
      const sentDuringChange = changesRunning > 0;
      return () => !sentDuringChange && changesSent === sentAfter;
    },
    changeSent() {
      changesSent += 1;
      changesRunning += 1;
      let answered = false;
      return () => {
        if (answered) return;
        answered = true;
        changesRunning -= 1;
      };
    },
  };
}

/** Runs a store, removal or refresh as a change of `order`: from sent to answered, failed ones included. */
export async function asChange<T>(order: StatusReadOrder, work: () => Promise<T>): Promise<T> {
  const answered = order.changeSent();
  try {
    return await work();
  } finally {
    answered();
  }
}
