import { moduleCodeOfLockId } from '../../../shared/identifiers';
import { type MessageKey, t } from '../i18n';

const KNOWN: Readonly<Record<string, MessageKey>> = {
  '100': 'module.name.100',
  '101': 'module.name.101',
  '102': 'module.name.102',
};

/** The module a lock ID names after its @ in words (`…@102` → Contacts), or null when it names none. */
export function moduleNameOfLockId(lockId: string | null): string | null {
  if (lockId === null) return null;
  const code = moduleCodeOfLockId(lockId);
  if (code === null) return null;
  const key = KNOWN[code];
  return key ? t('module.named', { code, name: t(key) }) : t('module.unknown', { code });
}
