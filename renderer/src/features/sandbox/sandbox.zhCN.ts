/**
 * 简体中文 of the local sandbox bar: the same keys as sandbox.en.ts (a missing key is a type
 * error); merged into the catalogue by i18n/zhCN.ts.
 */
import type { sandboxEn } from './sandbox.en';

export const sandboxZhCN: Readonly<Record<keyof typeof sandboxEn, string>> = {
  'sandbox.running': '本地沙箱正在 {host} 运行。',
  'sandbox.stopped': '本地沙箱未运行。',
  'sandbox.start': '启动沙箱',
  'sandbox.stop': '停止沙箱',
};
