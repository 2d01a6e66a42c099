export type View = 'locks' | 'profiles';
