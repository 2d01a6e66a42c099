import type { ClipboardEvent, Ref } from 'react';
import type { LockIdCheck } from '../../../../shared/identifiers';
import { messageText, t } from '../../i18n';
import { moduleNameOfLockId } from '../../lib/moduleName';
import { RecentLockIdOptions } from './RecentLockIds';
import { TextField } from '../../components/TextField';

export interface LockIdFieldProps {
  value: string;
  check: LockIdCheck;
  /** Show an empty-field problem too (after the user tried to submit). */
  attempted: boolean;
  onChange: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** Recent lock IDs of the profile, offered as suggestions. */
  recent?: readonly string[];
}

const RECENT_LIST_ID = 'lock-id-recent';

/** Pasted text loses its surrounding whitespace (log lines often carry a trailing space or tab). */
function trimPaste(event: ClipboardEvent<HTMLInputElement>, onChange: (value: string) => void): void {
  const pasted = event.clipboardData.getData('text');
  const trimmed = pasted.trim();
  if (trimmed === pasted) return;
  event.preventDefault();
  const input = event.currentTarget;
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  onChange(input.value.slice(0, start) + trimmed + input.value.slice(end));
}

export function LockIdField({ value, check, attempted, onChange, inputRef, recent = [] }: LockIdFieldProps) {
  const showProblem = !check.ok && (attempted || value.trim() !== '');
  const moduleName = check.ok ? moduleNameOfLockId(check.lockId) : null;
  return (
    <>
      <TextField
        id="lock-id"
        label={t('lockForm.lockId')}
        value={value}
        onChange={onChange}
        onPaste={(event) => trimPaste(event, onChange)}
        problem={showProblem && !check.ok ? messageText(check.problemMessage, check.problem) : undefined}
        warning={check.ok && check.hint ? messageText(check.hintMessage, check.hint) : undefined}
        info={moduleName ? t('lockForm.module', { module: moduleName }) : undefined}
        help={t('lockForm.lockIdHelp')}
        placeholder={t('lockForm.lockIdPlaceholder')}
        mono
        inputRef={inputRef}
        list={recent.length > 0 ? RECENT_LIST_ID : undefined}
      />
      {recent.length > 0 && <RecentLockIdOptions id={RECENT_LIST_ID} lockIds={recent} />}
    </>
  );
}
