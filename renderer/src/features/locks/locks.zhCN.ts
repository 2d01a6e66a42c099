/**
 * 简体中文 of the lock form, its results and the recent lock IDs: the same keys as locks.en.ts (a missing key is a type
 * error); merged into the catalogue by i18n/zhCN.ts.
 */
import type { locksEn } from './locks.en';

export const locksZhCN: Readonly<Record<keyof typeof locksEn, string>> = {
  'locks.title': '释放备份锁',
  'locks.subtitle': '选择配置，输入用户并粘贴锁 ID，然后按 Enter。发送任何请求之前都会先请您确认。',
  'locks.formLabel': '备份锁操作',
  'locks.release': '释放锁…',
  'locks.renew': '续期锁…',
  'lockForm.profile': '配置',
  'lockForm.host': '主机',
  'lockForm.userId': '用户 ID',
  'lockForm.lockId': '锁 ID',
  'lockForm.lockIdPlaceholder': '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
  'lockForm.lockIdHelp': '来自备份客户端的日志或支持工单。首尾空格会被自动去除。',
  'stuck.title': '沙箱中卡住的锁',
  'stuck.help': '选择一个，将其用户和锁 ID 填入字段。',
  'stuck.none': '沙箱中目前没有锁。可在下方创建一个，再次练习。',
  'create.summary': '创建锁',
  'create.help': '为此配置的用户获取一个新的备份锁。在锁被释放或 10 分钟后过期之前，该模块的备份都需要等待。',
  'create.module': '模块',
  'create.action': '创建锁…',
  'inflight.release': '正在释放锁…',
  'inflight.renew': '正在为锁续期…',
  'inflight.create': '正在创建锁…',
  'inflight.cancel': '取消请求',
  'inflight.cancelling': '正在取消…',
  'recent.title': '最近使用的锁 ID',
  'recent.clear': '清除最近记录',
  'recent.cleared': '已清除此配置最近使用的锁 ID。',
  'lockForm.environment': '环境',
  'lockForm.module': '模块：{module}',
  'lockForm.userId.bearer': '已固定：Bearer 访问令牌只能代表其所属用户操作。如需代其他用户操作，请使用应用配置。',
  'lockForm.userId.appDefault': '锁所属的最终用户（来自工单），作为 X-User-Id 发送。配置的默认用户为 {userId}。',
  'lockForm.userId.appNoDefault': '锁所属的最终用户（来自工单），作为 X-User-Id 发送。',
  'stuck.user': '用户 {userId}',
  'stuck.pick': '用户 {userId} 的锁 {lockId} {module}',
  'stuck.more': '还有 {count} 个。',
};
