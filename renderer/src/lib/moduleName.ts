import { moduleCodeOfLockId } from '../../../shared/identifiers';
import { type MessageKey, t } from '../i18n';

const KNOWN: Readonly<Record<string, MessageKey>> = {
  '100': 'module.name.100',
  '101': 'module.name.101',
  '102': 'module.name.102',
};

/** A known module's name in the window's language (`102` → Contacts), or null for another code. */
export function moduleName(code: string): string | null {
  const key = KNOWN[code];
  return key ? t(key) : null;
}

/** The module a lock ID names after its @ in words (`…@102` → Contacts), or null when it names none. */
export function moduleNameOfLockId(lockId: string | null): string | null {
  if (lockId === null) return null;
  const code = moduleCodeOfLockId(lockId);
  if (code === null) return null;
  const name = moduleName(code);
  return name ? t('module.named', { code, name }) : t('module.unknown', { code });
}
