/** 简体中文 of validation.en.ts: the same keys and placeholders (a difference is a compile error). */
import { translated } from './template';
import type { validationEn } from './validation.en';

export const validationZhCN = translated<typeof validationEn>()({
  'validation.lockId.empty': '请输入锁 ID（例如 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102）。',
  'validation.lockId.tooLong': '锁 ID 最多 {max} 个字符；此 ID 有 {length} 个。请确认只粘贴了一个 ID。',
  'validation.lockId.notPrintable':
    '锁 ID 只包含可打印的 ASCII 字符，不含空格、换行、制表符或 NUL。{which}每行粘贴一个 ID。',
  'validation.lockId.unusualShape':
    '此 ID 不是常见的 <uuid>@<模块代码> 形式。KooDrive 将锁 ID 视为不透明值，因此会按输入原样发送；请再核对一遍。',
  'validation.userId.empty': '请输入 KooDrive 用户 ID（一串较长的数字，例如 1505084218764547200）。',
  'validation.userId.notDigits': '用户 ID 只能是数字（最多 32 位），例如 1505084218764547200。{which}',
  'validation.userId.none': '请输入此操作所针对的最终用户的用户 ID（一串较长的数字，例如 1505084218764547200）。',
  'validation.userId.bearerOtherUser':
    '配置“{profile}”使用访问令牌，令牌只能代表它自己的用户 {own}，不能代表用户 {asked}。要代表租户中的任意用户操作，请使用应用认证配置（App ID + 应用密钥）。',
  'validation.userId.noneSet': '（未设置）',
  'validation.moduleCode.notDigits': '模块代码只能是数字：100 文件夹，101 相册，102 通讯录。',
  'validation.appId.missing': '应用认证需要 KooDrive 控制台中的 App ID（AppId）。',
  'validation.baseUrl.empty': '请输入基础 URL，例如 https://intl.myhuaweicloud-koodrive.com。',
  'validation.baseUrl.tooLong': '基础 URL 超过了 2048 个字符。',
  'validation.baseUrl.invalid': '基础 URL 不是有效的 URL。它以 https:// 开头，后接主机名。',
  'validation.baseUrl.scheme': '基础 URL 必须以 https:// 开头。',
  'validation.baseUrl.plainHttp':
    '明文 http:// 只允许用于本机（localhost、127.0.0.1、::1），即本地沙箱。连接 KooDrive 服务器请使用 https://。',
  'validation.baseUrl.credentials': '请从基础 URL 中删除用户名和密码；密钥应保存在钥匙串中。',
  'validation.baseUrl.queryOrFragment': '请从基础 URL 中删除查询（?...）和片段（#...）。',
  'validation.userId.bearerNeedsUser': '访问令牌属于一个用户：请输入该用户的 ID（令牌不能代表其他用户）。',
  'validation.field.notText': '必须是文本',
  'validation.field.required': '必填',
  'validation.field.tooShort': '至少 {min} 个字符',
  'validation.field.tooLong': '最多 {max} 个字符',
  'validation.field.control': '不能包含控制字符（换行、制表符、NUL）',
  'validation.field.format': '格式无效',
  'validation.profileId.format': '只能是小写字母、数字、点、短横线或下划线（最多 64 个）',
  'validation.appId.format': '只能是可打印的 ASCII 字符，不含空格',
  'validation.bearerPrefix.format': '必须是一个单词，例如 Bearer',
  'validation.caPem.notPem':
    'CA 证书必须是 PEM 文本，从 -----BEGIN CERTIFICATE----- 开始，到 -----END CERTIFICATE----- 结束。',
  'validation.proxyUrl.invalid': '代理是一个 URL，例如 http://proxy.example.com:3128。',
  'validation.proxyUrl.scheme':
    '代理的形式为 http://主机:端口（经 TLS 连接的代理为 https://主机:端口）；到 KooDrive 的 HTTPS 通过它建立隧道。',
  'validation.proxyUrl.credentials':
    '请从代理 URL 中删除用户名和密码：保存的配置不保留它们（否则会以明文保存）；请在应用或命令运行时通过 HTTPS_PROXY=http://用户:密码@主机:端口 提供。',
  'validation.proxyUrl.path': '代理 URL 只能是 http://主机:端口（或 https://主机:端口），不带路径。',
  'validation.cli.giveWith': '请用 {flag} 提供。',
  'validation.cli.nothingChanged': '未做任何更改。',
  'validation.none': '',
  'validation.character.lookAlike': '第 {position} 个字符是 {codePoint} {name}：请{fix}。',
  'validation.character.space': '第 {position} 个字符是空格：请删除它。',
  'validation.character.control': '第 {position} 个字符是控制字符 {codePoint}。',
  'validation.character.other': '第 {position} 个字符是 {codePoint}（“{char}”）。',
  'validation.fix.remove': '删除它',
  'validation.fix.typeInstead': '改为输入 "{ascii}"',
  'validation.name.fullwidth': '全角 "{ascii}"',
  'validation.batch.notText':
    '这不是文本文件（含有二进制数据），因此未从中读取任何内容。请选择以 UTF-8 保存的文本或 CSV 文件，例如另存为 CSV 的电子表格。',
  'validation.batch.notALockId':
    '这看起来不像锁 ID，锁 ID 的形式为 <uuid>@<moduleCode>（例如 {example}）。如果它确实是锁 ID，请允许不常见的锁 ID。',
  'validation.batch.numberNotLockId':
    '单独的数字不是锁 ID（它看起来像用户 ID）。请把用户 ID 放在锁 ID 旁边的 userId 列中。',
  'validation.batch.noUserId': '此行没有用户 ID（第 {column} 列）。请填写用户 ID，或删除此行。',
  'validation.batch.noLockId': '此行没有锁 ID（第 {column} 列）。请填写锁 ID，或删除此行。',
});
