/** English strings of the diagnostics screens; merged into en.ts. Keys are prefixed by screen. */
export const enDiagnostics = {} as const;
