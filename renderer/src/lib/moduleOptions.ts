import { MODULE_CODES } from '../../../shared/identifiers';
import { t } from '../i18n';
import { moduleName } from './moduleName';

/** The module picker's options: the known modules, plus `code` as a custom one when it is none of them. */
export function moduleOptions(code: string): Array<{ value: string; label: string }> {
  const options = MODULE_CODES.map((known) => ({
    value: known.code,
    label: t('module.option', { code: known.code, label: moduleName(known.code) ?? known.label }),
  }));
  if (!options.some((option) => option.value === code)) {
    options.push({ value: code, label: t('module.custom', { code }) });
  }
  return options;
}
