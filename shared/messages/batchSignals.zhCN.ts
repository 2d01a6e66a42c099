/** 简体中文 of batchSignals.en.ts: the same keys and placeholders (a difference is a compile error). */
import type { batchSignalsEn } from './batchSignals.en';
import { translated } from './template';

export const batchSignalsZhCN = translated<typeof batchSignalsEn>()({
  'batchSignals.title.finished': '批量已完成',
  'batchSignals.title.cancelled': '批量已取消',
  'batchSignals.title.paused': '批量已暂停：服务器不再应答',
  'batchSignals.title.stopped': '批量已停止',
  'batchSignals.body':
    '配置“{profileName}”：已释放 {released}，已不存在 {alreadyGone}，失败 {failed}，未发送 {notSent}。',
});
