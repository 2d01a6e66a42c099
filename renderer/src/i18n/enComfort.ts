/** English strings of the shortcuts, recent lock IDs and settings screens; merged into en.ts. Keys are prefixed by screen. */
export const enComfort = {} as const;
