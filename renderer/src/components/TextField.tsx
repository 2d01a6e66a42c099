import type { ChangeEvent, ClipboardEvent, KeyboardEvent, Ref } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  onPaste?: (event: ClipboardEvent<HTMLInputElement>) => void;
  onKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
  /** Shown in red, and marks the input invalid. */
  problem?: string;
  /** Shown in amber when there is no problem. */
  warning?: string;
  help?: string;
  /** A fact about the value (e.g. the module a lock ID names), shown above the help. */
  info?: string;
  type?: 'text' | 'password' | 'url';
  list?: string;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'url';
  autoComplete?: string;
  mono?: boolean;
  required?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input whose help, warning and problem texts are wired up with aria-describedby. */
export function TextField({
  id,
  label,
  value,
  onChange,
  onBlur,
  onPaste,
  onKeyDown,
  problem,
  warning,
  help,
  info,
  type,
  list,
  placeholder,
  inputMode,
  autoComplete,
  mono,
  required,
  disabled,
  readOnly,
  inputRef,
}: TextFieldProps) {
  const noteId = `${id}-note`;
  const infoId = `${id}-info`;
  const helpId = `${id}-help`;
  const note = problem ?? warning;
  const describedBy =
    [note ? noteId : null, info ? infoId : null, help ? helpId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className={mono ? 'input input--mono' : 'input'}
        type={type ?? 'text'}
        value={value}
        onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        onBlur={onBlur}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
        list={list}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete={autoComplete ?? 'off'}
        spellCheck={false}
        required={required}
        disabled={disabled}
        readOnly={readOnly}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
      />
      {note && (
        <p id={noteId} className={problem ? 'field-note field-note--problem' : 'field-note field-note--warning'}>
          {note}
        </p>
      )}
      {info && (
        <p id={infoId} className="field-info">
          {info}
        </p>
      )}
      {help && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </div>
  );
}
