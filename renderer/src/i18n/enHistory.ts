/** English strings of the history screens; merged into en.ts. Keys are prefixed by screen. */
export const enHistory = {} as const;
