/**
 * 简体中文 of the help on result kinds: the same keys as help.en.ts (a missing key is a type
 * error); merged into the catalogue by i18n/zhCN.ts.
 */
import type { helpEn } from './help.en';

export const helpZhCN: Readonly<Record<keyof typeof helpEn, string>> = {
  'help.open': '这是什么意思？',
  'help.dialogTitle': '结果：{title}',
  'help.cause': '可能的原因',
  'help.confirm': '如何确认',
  'help.fix': '解决办法',
  'help.close': '关闭',
  'help.glossary.open': '各种结果的含义',
  'help.glossary.title': '各种结果的含义',
  'help.glossary.help': '每次锁操作都会以下列结果之一结束。打开其中一项，查看可能的原因、确认方法和解决办法。',
  'help.kind.success.title': '成功',
  'help.kind.success.cause': 'KooDrive 返回 HTTP 200 和代码 0：锁已按要求释放、续期或创建。',
  'help.kind.success.confirm': '结果显示 HTTP 状态 200 和服务器代码 0。再次释放同一个锁 ID 会返回“未找到锁”。',
  'help.kind.success.fix':
    '无需处理。释放后，该用户此模块的下一次备份即可开始；创建的锁如果不续期，会在 10 分钟后过期。',
  'help.kind.auth.title': '认证失败',
  'help.kind.auth.cause':
    'KooDrive 或其 API 网关拒绝了凭据：访问令牌已过期或输入有误、应用 ID 或应用密钥错误、凭据不涵盖该用户 ID，或者代理改写了 Host 请求头（应用签名覆盖该请求头）。',
  'help.kind.auth.confirm':
    '服务器代码为 APIGW.0301（令牌）或 APIGW.0303（应用签名），通常伴随 HTTP 401。“检查连接”会在需要认证的调用处以同样方式失败。对于应用认证，请将请求预览中的规范请求与服务器的消息进行比较。',
  'help.kind.auth.fix':
    '在配置中存储新的访问令牌（令牌闲置 20 分钟后过期）或正确的应用密钥；检查用户 ID、应用 ID 和 Authorization 前缀；询问是否有代理更改了 Host 请求头。',
  'help.kind.clock.title': '时钟不同步',
  'help.kind.clock.cause':
    '应用签名时使用的 X-Date 超出了 KooDrive 接受的范围：不得晚于服务器时间，且最多早于服务器时间 15 分钟。这台电脑的时钟比服务器快，或慢了 15 分钟以上。',
  'help.kind.clock.confirm':
    '在“诊断”页面运行“检查时钟”：它会将这台电脑的时间与服务器的 Date 响应头进行比较。结果的复制详情中也会显示服务器时间。',
  'help.kind.clock.fix':
    '同步这台电脑的时钟（NTP：开启自动设置日期和时间）。在此之前，可在检查时钟后开启“使用服务器时间签名”，应用会为该配置校正 X-Date。',
  'help.kind.not-found.title': '未找到锁',
  'help.kind.not-found.cause':
    'KooDrive 中没有此用户的这个锁：它已被释放、已过期（创建或上次续期 10 分钟后）、ID 复制不完整，或者该锁属于其他用户。',
  'help.kind.not-found.confirm':
    '服务器代码为 13000309（资源不存在）。请将锁 ID 与客户端日志逐字符比较，并确认配置的用户 ID 就是获取该锁的用户。',
  'help.kind.not-found.fix':
    '对于卡住的锁，无需再做任何操作：锁已不存在，下一次备份可以获取新锁。如果备份仍然失败，请在客户端日志中查找更新的锁 ID。如需继续备份，请创建新锁，而不是续期。',
  'help.kind.conflict.title': '锁被其他客户端持有',
  'help.kind.conflict.cause': 'KooDrive 因锁的状态而拒绝：另一个客户端持有此用户和模块的未过期锁，或者该锁已被替换。',
  'help.kind.conflict.confirm':
    '答复为 HTTP 409，或与参数无关的 KooDrive 业务代码。另一台设备的备份日志会显示它持有哪个锁。',
  'help.kind.conflict.fix':
    '释放被持有的锁（其 ID 在该客户端的日志中），或最多等待 10 分钟让它过期，然后重试。如果问题持续，请附上请求 ID 升级处理。',
  'help.kind.throttled.title': '请求过多',
  'help.kind.throttled.cause':
    'KooDrive 或其 API 网关正在限制请求速率（HTTP 429，APIGW.0308）：此应用或用户在短时间内发出了过多请求，例如大批量操作。',
  'help.kind.throttled.confirm':
    'HTTP 状态 429 或服务器代码 APIGW.0308；答复中可能带有 Retry-After，即需要等待的秒数。',
  'help.kind.throttled.fix':
    '按 Retry-After 指示的时间等待（未指示时约一分钟），然后重试；批量操作时请降低同时请求数。',
  'help.kind.server.title': '服务器错误',
  'help.kind.server.cause':
    'KooDrive 内部出错（HTTP 5xx 或代码 13000201），或其前端的网关无法连接到它。操作可能已执行，也可能未执行。',
  'help.kind.server.confirm': 'HTTP 状态 500 到 504。重试前请先检查锁的状态，并记下复制详情中的请求 ID。',
  'help.kind.server.fix': '几分钟后重试。如果问题持续，请将请求 ID、时间和主机提供给 KooDrive 支持团队。',
  'help.kind.network.title': '无法连接',
  'help.kind.network.cause':
    '没有连接到服务器：主机名无法解析、端口拒绝连接、网络或 VPN 已断开、防火墙阻止了连接、网络需要代理，或者连接在答复完成前中断。',
  'help.kind.network.confirm': '结果中没有 HTTP 状态。“检查连接”会在 DNS 或 TCP 步骤失败，并说明原因。',
  'help.kind.network.fix':
    '检查基础 URL 的主机和端口、网络或 VPN 以及防火墙；如果此网络需要代理，请在配置中设置。如果连接在答复中途断开，请先检查锁的状态再重试。',
  'help.kind.tls.title': '安全连接失败',
  'help.kind.tls.cause':
    '服务器的证书未被接受：它是自签名证书、由这台电脑不信任的 CA 颁发（通常是检查 TLS 的公司代理）、已过期，或是为其他主机名签发的。',
  'help.kind.tls.confirm': '“检查连接”会在 TLS 步骤失败，并显示证书的使用者、颁发者、有效期以及具体原因。',
  'help.kind.tls.fix':
    '如果贵公司检查 TLS，请将其 CA 证书（PEM）添加到配置中。如果证书已过期或属于其他主机，请检查这台电脑的日期和基础 URL，然后告知服务器的维护人员。切勿绕过您不信任的证书进行连接。',
  'help.kind.timeout.title': '请求超时',
  'help.kind.timeout.cause':
    '15 秒内没有收到完整的答复：服务器或代理响应缓慢或过载，或者网络丢包。服务器可能仍然处理了该请求。',
  'help.kind.timeout.confirm': '结果中没有 HTTP 状态。“检查连接”会显示哪个步骤缓慢或未在 5 秒内完成。',
  'help.kind.timeout.fix':
    '检查网络和代理，并在重试前检查锁的状态（释放可能已经完成）。如果问题持续，请附上时间和主机升级处理。',
  'help.kind.invalid-response.title': '意外的响应',
  'help.kind.invalid-response.cause':
    '服务器有答复，但不像 KooDrive：HTML 登录页或代理页面、重定向、格式错误或过大的响应体，或者成功答复中没有锁 ID。通常是基础 URL 指向了错误的服务器或路径。',
  'help.kind.invalid-response.confirm':
    '结果有 HTTP 状态，但没有 KooDrive 代码或消息。请将请求预览中的 URL 与 KooDrive 端点 …/koodrive/ose/v1/backup/lock 进行比较。',
  'help.kind.invalid-response.fix':
    '在配置中更正基础 URL 及其路径前缀（https:// 和 API 主机）。如果是代理代为答复，请在配置中设置代理或咨询 IT 部门。',
  'help.kind.invalid-input.title': '输入无效',
  'help.kind.invalid-input.cause':
    '请求未发送，因为某项输入有误（锁 ID、用户 ID、模块代码、基础 URL 或已存储的密钥），或者 KooDrive 拒绝了其参数（代码 13000102 或 13000101），或不认识该 API 路径（APIGW.0101）。',
  'help.kind.invalid-input.confirm': '结果的消息会指出是哪个字段。请求预览会准确显示将要发送的内容。',
  'help.kind.invalid-input.fix':
    '更正消息中指出的字段：按客户端日志中的原样粘贴锁 ID，并检查用户 ID（仅数字）、模块代码以及基础 URL 的路径前缀。',
  'help.kind.cancelled.title': '已取消',
  'help.kind.cancelled.cause':
    '请求已被取消，可能是您取消的，也可能是应用在运行时被关闭。如果请求已经发出，服务器可能已经处理了它。',
  'help.kind.cancelled.confirm': '结果显示“已取消”；历史中会显示请求是否已发送。',
  'help.kind.cancelled.fix': '检查锁的状态，如果仍有需要，请再次执行该操作。',
  'help.kind.destination-changed.title': '密钥是为其他目标存储的',
  'help.kind.destination-changed.cause':
    '存储密钥之后，配置的服务器、认证方式、应用 ID、前缀、代理或 CA 发生了变化。密钥绑定到存储时的目标，因此不会发送到其他地方。未发送任何请求。',
  'help.kind.destination-changed.confirm': '配置中密钥旁边会显示“密钥是为其他目标存储的”。',
  'help.kind.destination-changed.fix': '打开配置，检查服务器和其他连接设置，然后重新输入访问令牌或应用密钥。',
  'help.kind.proxy-auth.title': '代理身份验证失败',
  'help.kind.proxy-auth.cause':
    '本机与 KooDrive 之间的代理要求提供用户名和密码（HTTP 407），或拒绝了所提供的用户名和密码。没有请求到达 KooDrive。',
  'help.kind.proxy-auth.confirm':
    '消息中会指明代理并显示“HTTP 407”，通常还会列出代理接受的方式（Basic、NTLM、Negotiate）。',
  'help.kind.proxy-auth.fix':
    '使用 HTTPS_PROXY=http://用户名:密码@代理:端口 启动应用（特殊字符写成 %XX）。如果代理只接受 NTLM 或 Kerberos（Negotiate），请在本机运行 cntlm 或 px 等中继，并把它用作代理。',
};
