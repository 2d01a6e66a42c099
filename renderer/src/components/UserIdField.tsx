import type { Ref } from 'react';
import type { Profile } from '../../../shared/profile';
import { t } from '../i18n';
import { TextField } from './TextField';

export interface UserIdFieldProps {
  id: string;
  profile: Profile;
  value: string;
  onChange: (value: string) => void;
  /** What is wrong with the value, or null. */
  problem: string | null;
  /** Show an empty-field problem too (after the user tried to submit). */
  attempted: boolean;
  /** Users the profile acted for lately, offered as suggestions. */
  recent?: readonly string[];
  inputRef?: Ref<HTMLInputElement>;
  /** Defaults: the lock screen's label, help and example. */
  label?: string;
  help?: string;
  placeholder?: string;
}

/**
 * The end user (X-User-Id) an operation acts for. App authentication acts for any user of the tenant,
 * so the field is editable (the profile's default user first); a bearer token acts only for its own
 * user, so the field is fixed and says why.
 */
export function UserIdField({
  id,
  profile,
  value,
  onChange,
  problem,
  attempted,
  recent = [],
  inputRef,
  label = t('lockForm.userId'),
  help,
  placeholder = '1505084218764547200',
}: UserIdFieldProps) {
  const listId = `${id}-recent`;
  if (profile.authMode === 'bearer') {
    return (
      <TextField
        id={id}
        label={label}
        value={profile.userId ?? ''}
        onChange={() => undefined}
        readOnly
        mono
        help={t('lockForm.userId.bearer')}
      />
    );
  }
  const showProblem = problem !== null && (attempted || value.trim() !== '');
  const appHelp =
    help ??
    (profile.userId ? t('lockForm.userId.appDefault', { userId: profile.userId }) : t('lockForm.userId.appNoDefault'));
  return (
    <>
      <TextField
        id={id}
        label={label}
        value={value}
        onChange={onChange}
        onPaste={(event) => {
          const pasted = event.clipboardData.getData('text');
          if (pasted.trim() === pasted) return;
          event.preventDefault();
          onChange(pasted.trim());
        }}
        problem={showProblem ? (problem ?? undefined) : undefined}
        help={appHelp}
        placeholder={placeholder}
        inputMode="numeric"
        mono
        inputRef={inputRef}
        list={recent.length > 0 ? listId : undefined}
      />
      {recent.length > 0 && (
        <datalist id={listId}>
          {recent.map((userId) => (
            <option key={userId} value={userId} />
          ))}
        </datalist>
      )}
    </>
  );
}
