import type { ReactNode } from 'react';

export interface SelectFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
  help?: ReactNode;
  disabled?: boolean;
}

export function SelectField({ id, label, value, onChange, options, help, disabled }: SelectFieldProps) {
  const helpId = `${id}-help`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input select"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
        aria-describedby={help ? helpId : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {help && (
        <div id={helpId} className="field-help">
          {help}
        </div>
      )}
    </div>
  );
}
