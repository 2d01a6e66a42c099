/**
 * 简体中文 of the settings screen: the same keys as settings.en.ts (a missing key is a type
 * error); merged into the catalogue by i18n/zhCN.ts.
 */
import type { settingsEn } from './settings.en';

export const settingsZhCN: Readonly<Record<keyof typeof settingsEn, string>> = {
  'settings.title': '设置',
  'settings.subtitle': '这些选项仅保存在这台电脑上。',
  'settings.language': '语言',
  'settings.language.system': '跟随系统',
  'settings.language.help':
    '无论选择哪种语言，部分消息仍以英文显示：失败后的处理建议、输入检查结果以及服务器返回的内容。',
  'settings.theme': '主题',
  'settings.theme.system': '跟随系统',
  'settings.theme.light': '浅色',
  'settings.theme.dark': '深色',
  'settings.time': '时间显示为',
  'settings.time.local': '本地时间',
  'settings.time.utc': 'UTC',
  'settings.time.help':
    '历史、结果、批量操作和备份记录立即按此显示，例如 {example}；鼠标悬停在时间上可查看其 ISO 8601 UTC 形式。CSV 导出始终使用 UTC（ISO 8601）。',
  'settings.recent': '最近使用的锁 ID',
  'settings.recent.help': '锁表单会列出每个配置最近释放或续期的 10 个锁 ID。只保存锁 ID 和配置 ID，绝不保存任何密钥。',
  'settings.recent.clear': '清除最近使用的锁 ID',
  'settings.recent.cleared': '已清除所有配置最近使用的锁 ID。',
  'settings.recent.none': '未存储最近使用的锁 ID。',
  'settings.shortcuts': '键盘快捷键',
  'settings.shortcuts.help': '在任意页面按 ? 或 F1 即可查看。',
  'settings.shortcuts.show': '显示键盘快捷键',
};
