export const VIEWS = ['locks', 'batch', 'history', 'diagnostics', 'profiles', 'settings'] as const;
export type View = (typeof VIEWS)[number];
