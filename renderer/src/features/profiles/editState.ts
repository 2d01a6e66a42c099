/**
 * The profile editor's state as leaving it sees it: nothing to lose, unsaved edits, or a save on its way (whose
 * end decides: saved, or edits still unsaved).
 */
export type EditState = 'clean' | 'unsaved' | 'saving';

export function editState(dirty: boolean, saving: boolean): EditState {
  if (saving) return 'saving';
  return dirty ? 'unsaved' : 'clean';
}
