/**
 * 简体中文 of the keyboard shortcuts: the same keys as shortcuts.en.ts (a missing key is a type
 * error); merged into the catalogue by i18n/zhCN.ts.
 */
import type { shortcutsEn } from './shortcuts.en';

export const shortcutsZhCN: Readonly<Record<keyof typeof shortcutsEn, string>> = {
  'shortcuts.title': '键盘快捷键',
  'shortcuts.intro': '以下快捷键在所有页面均可使用。在输入框中输入时，“?”只是问号，请改用 F1。',
  'shortcuts.column.action': '操作',
  'shortcuts.column.keys': '按键',
  'shortcuts.focusLockId': '转到锁 ID 字段',
  'shortcuts.release': '释放锁 ID 字段中的锁（会先请您确认）',
  'shortcuts.profilePicker': '转到配置选择器',
  'shortcuts.selectProfile': '切换到第 1 至第 9 个配置',
  'shortcuts.history': '打开历史',
  'shortcuts.batch': '打开批量释放',
  'shortcuts.inspect': '检查用户的备份记录',
  'shortcuts.diagnostics': '打开诊断',
  'shortcuts.help': '显示此列表',
  'shortcuts.closeDialog': '关闭对话框或此列表',
  'shortcuts.or': '或',
  'shortcuts.close': '关闭',
  'shortcuts.profileSwitched': '已切换到配置“{name}”（{environment}）。',
};
