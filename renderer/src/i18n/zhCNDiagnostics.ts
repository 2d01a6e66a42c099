/**
 * 简体中文 for the diagnostics screen and the result help: the same keys as enDiagnostics.ts, to be
 * spread into zhCN.ts (`...zhCNDiagnostics`). A missing key is a type error here.
 */
import type { enDiagnostics } from './enDiagnostics';

export const zhCNDiagnostics: Readonly<Record<keyof typeof enDiagnostics, string>> = {
  'diagnostics.title': '诊断',
  'diagnostics.subtitle':
    '查看应用实际发送的内容，将本机时钟与服务器比较，并逐步测试连接。此处的任何操作都不会更改备份锁。',
  'diagnostics.profileLabel': '要诊断的配置',

  'diagnostics.preview.title': '请求预览',
  'diagnostics.preview.help': '按实际发送的方式构建请求并用已保存的密钥签名，但不会发送。访问令牌和签名永远不会显示。',
  'diagnostics.preview.operation': '操作',
  'diagnostics.preview.operation.release': '释放（DELETE）',
  'diagnostics.preview.operation.renew': '续期（PATCH）',
  'diagnostics.preview.operation.create': '创建（POST）',
  'diagnostics.preview.lockId': '锁 ID',
  'diagnostics.preview.module': '模块',
  'diagnostics.preview.show': '显示请求',
  'diagnostics.preview.building': '正在构建请求…',
  'diagnostics.preview.requestLine': '请求',
  'diagnostics.preview.headers': '请求头',
  'diagnostics.preview.headerName': '请求头',
  'diagnostics.preview.headerValue': '值',
  'diagnostics.preview.body': '请求体',
  'diagnostics.preview.noBody': '无请求体。',
  'diagnostics.preview.canonical': '规范请求',
  'diagnostics.preview.canonical.help':
    'HMAC 签名所覆盖的内容（规范第 6 节）。第三行是查询字符串（此处为空）；请求头之后的空行也属于规范请求。',
  'diagnostics.preview.stringToSign': '待签名字符串',
  'diagnostics.preview.offset': '已按服务器时间签名：在本机时钟上加了 {seconds} 秒。',
  'diagnostics.preview.curl': 'cURL 命令',
  'diagnostics.preview.curl.bearer': '请先将 KOODRIVE_TOKEN 设为访问令牌。X-Date 在命令运行时计算，因此命令始终有效。',
  'diagnostics.preview.curl.app':
    '这是一个 POSIX sh 脚本。请先将 KOODRIVE_APP_SECRET 设为应用密钥；脚本用 openssl 计算 X-Date、规范请求和 HMAC 签名，然后运行 curl。',
  'diagnostics.preview.curl.ca': '此配置信任一个额外的 CA：将其保存为文件，并把 KOODRIVE_CA_FILE 设为该文件的路径。',
  'diagnostics.preview.copy': '复制为 cURL',
  'diagnostics.preview.powershell': 'Windows PowerShell 脚本',
  'diagnostics.preview.powershell.help':
    '在 Windows 上用于 PowerShell 7 的同一请求：它通过隐藏提示询问密钥，并在 PowerShell 内签名，因此密钥从不出现在命令行中。',
  'diagnostics.preview.copyPowershell': '复制为 PowerShell',
  'diagnostics.userId.help': '请求预览和连接检查所针对的最终用户（X-User-Id）；留空时使用配置的默认用户。',
  'diagnostics.preview.copied': 'cURL 命令已复制到剪贴板，其中不含任何密钥。',
  'diagnostics.preview.copyFailed': '无法复制。请手动选择并复制命令。',

  'diagnostics.clock.title': '时钟',
  'diagnostics.clock.help':
    'KooDrive 只接受其自身时间之前 15 分钟内的 X-Date。此检查从任意响应的 Date 头读取服务器时间，并与本机时钟比较（精度约为 1 秒：Date 头只有整秒）。',
  'diagnostics.clock.check': '检查时钟',
  'diagnostics.clock.checking': '正在向服务器查询时间…',
  'diagnostics.clock.verdict.ok': '时钟一致',
  'diagnostics.clock.verdict.local-ahead': '本机时钟偏快',
  'diagnostics.clock.verdict.local-behind': '本机时钟偏慢',
  'diagnostics.clock.verdict.unknown': '无法得知服务器时间',
  'diagnostics.clock.local': '本机（UTC）',
  'diagnostics.clock.server': '服务器（Date 头，UTC）',
  'diagnostics.clock.skew': '服务器减本机',
  'diagnostics.clock.seconds': '{seconds} 秒',
  'diagnostics.clock.none': '—',
  'diagnostics.clock.useServerTime': '按服务器时间签名',
  'diagnostics.clock.useServerTime.help':
    '此后使用此配置的备份锁操作在签名时会在本机时钟上加 {seconds} 秒，直到您关闭此选项或关闭应用。根本的解决办法是同步时钟（NTP）。',
  'diagnostics.clock.useServerTime.on': '使用此配置的备份锁操作现在按服务器时间签名。',
  'diagnostics.clock.useServerTime.off': '使用此配置的备份锁操作重新按本机时钟签名。',

  'diagnostics.connection.title': '连接',
  'diagnostics.connection.help':
    '依次检查域名解析、TCP 连接、TLS、HTTP 响应以及一次经过认证的只读调用（列出一条备份记录），每一步限时 5 秒。不会触及任何备份锁。',
  'diagnostics.connection.check': '检查连接',
  'diagnostics.connection.checking': '正在检查连接…',
  'diagnostics.connection.host': '已检查 {host}。',
  'diagnostics.connection.allPassed': '所有检查均已通过。',
  'diagnostics.connection.failedAt': '检查“{step}”失败；之后的检查已跳过。',
  'diagnostics.connection.steps': '连接检查',

  'diagnostics.step.dns': '域名解析（DNS）',
  'diagnostics.step.tcp': 'TCP 连接',
  'diagnostics.step.tls': '安全连接（TLS）',
  'diagnostics.step.http': 'HTTP 响应',
  'diagnostics.step.auth': '经过认证的只读调用',
  'diagnostics.status.passed': '通过',
  'diagnostics.status.warning': '通过（有警告）',
  'diagnostics.status.failed': '失败',
  'diagnostics.status.skipped': '已跳过',
  'diagnostics.step.duration': '{ms} 毫秒',
  'diagnostics.step.remedy': '处理方法：',
  'diagnostics.cert.subject': '主题',
  'diagnostics.cert.issuer': '颁发者',
  'diagnostics.cert.validFrom': '生效时间',
  'diagnostics.cert.validTo': '到期时间',

  'diagnostics.kinds.title': '各种结果的含义',
  'diagnostics.kinds.help': '每个备份锁操作都以下列结果之一结束。打开任一结果，查看可能的原因、如何确认以及解决办法。',

  'help.open': '这是什么意思？',
  'help.dialogTitle': '结果：{title}',
  'help.cause': '可能的原因',
  'help.confirm': '如何确认',
  'help.fix': '解决办法',
  'help.close': '关闭',

  'help.kind.success.title': '成功',
  'help.kind.success.cause': 'KooDrive 返回 HTTP 200 和代码 0：备份锁已按要求释放、续期或创建。',
  'help.kind.success.confirm': '结果显示 HTTP 状态 200 和服务器代码 0。再次释放同一个锁 ID 会得到“未找到锁”。',
  'help.kind.success.fix': '无需处理。释放后，该用户该模块的下一次备份即可开始；创建的锁如不续期，将在 10 分钟后过期。',

  'help.kind.auth.title': '认证失败',
  'help.kind.auth.cause':
    'KooDrive 或其 API 网关拒绝了凭据：访问令牌已过期或输入有误、应用 ID 或应用密钥错误、用户 ID 不在其范围内，或者代理改写了 Host 头（应用签名覆盖该头）。',
  'help.kind.auth.confirm':
    '服务器代码为 APIGW.0301（令牌）或 APIGW.0303（应用签名），通常伴随 HTTP 401。“检查连接”的认证调用也会以同样方式失败。使用应用认证时，请将请求预览中的规范请求与服务器消息进行比较。',
  'help.kind.auth.fix':
    '在配置中保存新的访问令牌（令牌 20 分钟未使用即失效）或正确的应用密钥；检查用户 ID、应用 ID 和 Authorization 前缀；询问是否有代理更改了 Host 头。',

  'help.kind.clock.title': '时钟不同步',
  'help.kind.clock.cause':
    '应用签名的 X-Date 超出了 KooDrive 接受的范围：不得晚于服务器时间，且最多早 15 分钟。本机时钟比服务器快，或慢了 15 分钟以上。',
  'help.kind.clock.confirm':
    '在诊断页面运行“检查时钟”：它会将本机时间与服务器的 Date 头进行比较。复制的结果详情中也包含服务器日期。',
  'help.kind.clock.fix':
    '同步本机时钟（NTP：开启自动设置日期和时间）。在此之前，可在检查时钟后开启“按服务器时间签名”，应用会为该配置校正 X-Date。',

  'help.kind.not-found.title': '未找到锁',
  'help.kind.not-found.cause':
    'KooDrive 不知道该用户的这个锁：它已被释放、已过期（创建或上次续期 10 分钟后）、ID 复制不完整，或该锁属于其他用户。',
  'help.kind.not-found.confirm':
    '服务器代码为 13000309（资源不存在）。请逐字符将锁 ID 与客户端日志比较，并确认配置中的用户 ID 就是获取该锁的用户。',
  'help.kind.not-found.fix':
    '对于卡住的锁无需再处理：它已不存在，下一次备份可以获取新锁。如果备份仍然失败，请在客户端日志中查找更新的锁 ID。要继续备份，请创建新锁而不是续期。',

  'help.kind.conflict.title': '锁被其他客户端持有',
  'help.kind.conflict.cause': 'KooDrive 因锁的状态而拒绝：另一个客户端持有该用户该模块未过期的锁，或该锁已被替换。',
  'help.kind.conflict.confirm':
    '响应为 HTTP 409，或一个与参数无关的 KooDrive 业务代码。另一台设备的备份日志会显示它持有哪个锁。',
  'help.kind.conflict.fix':
    '释放被持有的锁（其 ID 在该客户端的日志中），或等待最多 10 分钟让它过期，然后重试。如问题持续，请附上请求 ID 上报。',

  'help.kind.throttled.title': '请求过多',
  'help.kind.throttled.cause':
    'KooDrive 或其 API 网关正在限制请求速率（HTTP 429，APIGW.0308）：此应用或用户在短时间内请求过多，例如一次大批量操作。',
  'help.kind.throttled.confirm': 'HTTP 状态 429 或服务器代码 APIGW.0308；响应可能带有 Retry-After，即需要等待的秒数。',
  'help.kind.throttled.fix': '按 Retry-After 等待（未提供时约等一分钟）后重试；批量操作请降低并发数。',

  'help.kind.server.title': '服务器错误',
  'help.kind.server.cause':
    'KooDrive 内部出错（HTTP 5xx 或代码 13000201），或其前面的网关无法访问它。操作可能已执行，也可能未执行。',
  'help.kind.server.confirm': 'HTTP 状态 500 到 504。重试前请先检查锁的状态，并记下复制的详情中的请求 ID。',
  'help.kind.server.fix': '几分钟后重试。如问题持续，请附上请求 ID、时间和主机向 KooDrive 支持上报。',

  'help.kind.network.title': '无法连接',
  'help.kind.network.cause':
    '没有连接到服务器：主机名无法解析、端口拒绝连接、网络或 VPN 断开、被防火墙阻止、网络需要代理，或连接在响应完成前中断。',
  'help.kind.network.confirm': '结果中没有 HTTP 状态。“检查连接”会在 DNS 或 TCP 步骤失败并说明原因。',
  'help.kind.network.fix':
    '检查基础 URL 的主机和端口、网络或 VPN 以及防火墙；如果此网络需要代理，请在配置中设置。如果连接在响应中途断开，请在重试前检查锁的状态。',

  'help.kind.tls.title': '安全连接失败',
  'help.kind.tls.cause':
    '服务器证书未被接受：它是自签名的、由本机不信任的 CA 颁发（常见于检查 TLS 流量的公司代理）、已过期，或是为其他主机名签发的。',
  'help.kind.tls.confirm': '“检查连接”会在 TLS 步骤失败，并显示证书的主题、颁发者、有效期以及确切原因。',
  'help.kind.tls.fix':
    '如果贵公司检查 TLS 流量，请将其 CA 证书（PEM）添加到配置中。如果证书已过期或属于其他主机，请检查本机日期和基础 URL，然后告知服务器的管理者。切勿绕过您不信任的证书进行连接。',

  'help.kind.timeout.title': '请求超时',
  'help.kind.timeout.cause':
    '15 秒内没有收到完整的响应：服务器或代理缓慢或过载，或网络丢包。服务器可能仍然处理了该请求。',
  'help.kind.timeout.confirm': '结果中没有 HTTP 状态。“检查连接”会显示哪一步缓慢或未在 5 秒内完成。',
  'help.kind.timeout.fix':
    '检查网络和代理，并在重试前检查锁的状态（释放可能已经生效）。如问题持续，请附上时间和主机上报。',

  'help.kind.invalid-response.title': '意外的响应',
  'help.kind.invalid-response.cause':
    '服务器有响应，但不像 KooDrive：HTML 登录页或代理页面、重定向、格式错误或过大的响应体，或成功但没有锁 ID。通常是基础 URL 指向了错误的服务器或路径。',
  'help.kind.invalid-response.confirm':
    '结果有 HTTP 状态，但没有 KooDrive 代码或消息。请将请求预览中的 URL 与 KooDrive 端点 …/koodrive/ose/v1/backup/lock 比较。',
  'help.kind.invalid-response.fix':
    '在配置中更正基础 URL 及其路径前缀（https:// 和 API 主机）。如果是代理在响应，请在配置中设置代理或咨询 IT。',

  'help.kind.invalid-input.title': '输入无效',
  'help.kind.invalid-input.cause':
    '请求未发送，因为某项输入有误（锁 ID、用户 ID、模块代码、基础 URL 或已保存的密钥）；或 KooDrive 拒绝了其参数（代码 13000102 或 13000101），或不认识该 API 路径（APIGW.0101）。',
  'help.kind.invalid-input.confirm': '结果中的消息会指出是哪个字段。请求预览会准确显示将要发送的内容。',
  'help.kind.invalid-input.fix':
    '更正消息中指出的字段：按客户端日志原样粘贴锁 ID，并检查用户 ID（仅限数字）、模块代码和基础 URL 的路径前缀。',

  'help.kind.cancelled.title': '已取消',
  'help.kind.cancelled.cause':
    '请求已被取消，可能是您取消的，也可能是应用在请求进行时被关闭。如果请求已经发出，服务器可能已处理它。',
  'help.kind.cancelled.confirm': '结果显示“已取消”；历史记录会显示请求是否已发出。',
  'help.kind.cancelled.fix': '检查锁的状态，如仍需要，再次执行该操作。',

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
