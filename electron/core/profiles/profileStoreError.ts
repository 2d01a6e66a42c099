export type ProfileStoreErrorKind = 'corrupt' | 'io' | 'invalid' | 'not-found';

export class ProfileStoreError extends Error {
  constructor(
    readonly kind: ProfileStoreErrorKind,
    /** Which file, what is wrong and what to do. */
    message: string,
    /** The profiles file concerned, when there is one. */
    readonly file?: string,
  ) {
    super(message);
    this.name = 'ProfileStoreError';
  }
}
