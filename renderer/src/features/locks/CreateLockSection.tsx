import { useState } from 'react';
import { t } from '../../i18n';
import { moduleOptions } from '../../lib/moduleOptions';
import { SelectField } from '../../components/SelectField';

export interface CreateLockSectionProps {
  defaultModuleCode: string;
  busy: boolean;
  onCreate: (moduleCode: string) => void;
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
