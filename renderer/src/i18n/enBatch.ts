/** English strings of the batch release screens; merged into en.ts. Keys are prefixed by screen. */
export const enBatch = {} as const;
