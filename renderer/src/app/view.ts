export const VIEWS = ['locks', 'batch', 'history', 'inspect', 'diagnostics', 'profiles', 'settings'] as const;
export type View = (typeof VIEWS)[number];
