/** Whether the editor holds edits that are not saved: what the "Discard changes?" guard asks about. */
import { type ProfileDraft, draftToInput } from './profileForm';

function sameInput(left: Record<string, string>, right: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
  for (const key of keys) if (left[key] !== right[key]) return false;
  return true;
}

/**
 * Compares what saving would send (draftToInput), so a change that saving ignores (an App ID typed in bearer mode,
 * the environment chosen as the one the host gives anyway) is not an edit. A typed secret is one.
 */
export function hasUnsavedChanges(saved: ProfileDraft, draft: ProfileDraft, typedSecret: string): boolean {
  if (typedSecret.trim() !== '') return true;
  return !sameInput(draftToInput(saved), draftToInput(draft));
}
