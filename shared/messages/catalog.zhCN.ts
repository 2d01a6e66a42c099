/** Every 简体中文 message table, merged; the renderer loads it with its zh-CN chunk, never on the first screen. */
import type { MessageKey } from './catalog.en';
import { diagnosticsZhCN } from './diagnostics.zhCN';
import { remediesZhCN } from './remedies.zhCN';
import { validationZhCN } from './validation.zhCN';

export const messagesZhCN: Readonly<Record<MessageKey, string>> = {
  ...remediesZhCN,
  ...validationZhCN,
  ...diagnosticsZhCN,
};
