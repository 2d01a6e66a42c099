import { useState } from 'react';
import { MODULE_CODES } from '../../../../shared/identifiers';
import { t } from '../../i18n';
import { SelectField } from '../../components/SelectField';

export interface CreateLockSectionProps {
  defaultModuleCode: string;
  busy: boolean;
  onCreate: (moduleCode: string) => void;
}

function moduleOptions(defaultCode: string): Array<{ value: string; label: string }> {
  const options = MODULE_CODES.map(({ code, label }) => ({ value: code, label: t('module.option', { code, label }) }));
  if (!options.some((option) => option.value === defaultCode)) {
    options.push({ value: defaultCode, label: t('module.custom', { code: defaultCode }) });
  }
  return options;
}

/** Secondary action: take a new lock, for the profile's module or a chosen one. Reset it with a key per profile. */
export function CreateLockSection({ defaultModuleCode, busy, onCreate }: CreateLockSectionProps) {
  const [moduleCode, setModuleCode] = useState(defaultModuleCode);
  return (
    <details className="panel more">
      <summary className="more-summary">{t('create.summary')}</summary>
      <div className="more-body">
        <p className="field-help">{t('create.help')}</p>
        <div className="inline-form">
          <SelectField
            id="create-module"
            label={t('create.module')}
            value={moduleCode}
            onChange={setModuleCode}
            options={moduleOptions(defaultModuleCode)}
          />
          <button type="button" className="button" disabled={busy} onClick={() => onCreate(moduleCode)}>
            {t('create.action')}
          </button>
        </div>
      </div>
    </details>
  );
}
