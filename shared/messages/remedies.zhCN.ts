/** 简体中文 of remedies.en.ts: the same keys and placeholders (a difference is a compile error). */
import type { remediesEn } from './remedies.en';
import { translated } from './template';

export const remediesZhCN = translated<typeof remediesEn>()({
  'note.code': '代码 {code}',
  'note.status': 'HTTP {status}',
  'note.noAnswer': '无应答',
  'amount.seconds': '{count} 秒',
  'amount.minutes': '{count} 分钟',
  'direction.ahead': '快',
  'direction.behind': '慢',
  'wait.aboutAMinute': '约一分钟',
  'wait.retryAfter': '{seconds} 秒（Retry-After）',
  'remedy.auth.forbidden':
    'KooDrive 接受了凭据，但拒绝执行此操作：请确认该用户 ID 属于此应用或令牌，并确认该应用有权管理备份锁。',
  'remedy.auth.bearer':
    'KooDrive 拒绝了访问令牌（令牌闲置 20 分钟后过期）：请为此配置保存新的令牌，并检查用户 ID 和 Authorization 前缀。',
  'remedy.auth.app':
    'KooDrive 拒绝了应用签名：请检查此配置保存的 App ID 和应用密钥、用户 ID，并确认没有代理改写 Host 请求头。',
  'remedy.signature.matches':
    'KooDrive 计算出的规范请求与本应用相同（{field}，SHA-256 {hash}），说明请求按签名原样到达，是应用密钥（或 App ID）不对：请为此配置保存当前的应用密钥，并检查其 App ID。',
  'remedy.signature.differs':
    'KooDrive 签名的请求与本应用不同（{field}：服务器的{compared} SHA-256 {server}，本应用的 {ours}），说明请求在途中被改动或规范化方式不同：请检查会改写请求头或路径的代理（Host、路径及其末尾的“/”、查询参数、X-User-Id、X-Date、请求体）；不同之处在于{compared}，可在“诊断”的请求预览中查看本应用的内容。',
  'remedy.signature.canonicalRequest': '规范请求',
  'remedy.signature.stringToSign': '待签名字符串',
  'remedy.auth.unknown': 'KooDrive 拒绝了凭据：请为此配置保存新的令牌或正确的应用密钥，并检查用户 ID。',
  'remedy.clock.unmeasured':
    'KooDrive 拒绝了请求时间（X-Date 必须在服务器时间之前的 15 分钟之内）：请同步本机时钟（NTP）后重试。',
  'remedy.clock.skew':
    '本机时钟比服务器{direction}约 {amount}（X-Date 必须在服务器时间之前的 15 分钟之内）：请同步时钟（NTP）后重试。',
  'remedy.throttled': 'KooDrive 正在限制请求频率：请等待 {wait} 后再试，并逐个发送请求。',
  'remedy.server.readOnly':
    'KooDrive 内部出错（{note}）；此调用只读取数据，因此没有任何改变：请几分钟后重试，如仍失败，请携带请求 ID 联系 KooDrive 支持。',
  'remedy.server.changes':
    'KooDrive 内部出错（{note}），{mayHaveHappened}，也可能没有：请检查{stateToCheck}，几分钟后重试，如仍失败，请携带请求 ID 联系 KooDrive 支持。',
  'remedy.gatewayPage.readOnly':
    '本机与 KooDrive 之间的某个设备（代理、防火墙或负载均衡器）返回了 HTTP {status} 和一个并非来自 KooDrive 的页面：请检查代理和基础 URL，几分钟后重试。',
  'remedy.gatewayPage.changes':
    '本机与 KooDrive 之间的某个设备（代理、防火墙或负载均衡器）返回了 HTTP {status} 和一个并非来自 KooDrive 的页面，因此{mayHaveHappened}，也可能没有：请检查{stateToCheck}、代理和基础 URL，几分钟后重试。',
  'remedy.invalidParameters': 'KooDrive 拒绝了请求参数（{note}）：请检查配置中的{parameters}后重试。',
  'remedy.unknownRoute': '该地址上没有 KooDrive API（{note}）：请检查配置中的基础 URL 及其路径前缀。',
  'remedy.notKooDrive':
    '服务器返回了 HTTP {status}，但没有 KooDrive 的 JSON 正文（例如 HTML 登录页或代理页面）：请确认基础 URL 指向 KooDrive API。',
  'remedy.redirected':
    '服务器重定向了请求（HTTP {status}），而重定向不会被跟随：请使用最终的 https:// 地址（含正确的路径前缀）作为基础 URL。',
  'remedy.tooLarge':
    '应答超过了大小上限并被截断，KooDrive 从不会这样：请确认基础 URL 指向 KooDrive API，而不是下载页面或代理页面。',
  'remedy.malformedHttp':
    '服务器返回了格式错误的 HTTP 应答：请确认基础 URL 指向 KooDrive API，并使用正确的端口和协议（https://）。',
  'remedy.dns': '无法解析基础 URL 中的主机名：请检查拼写，以及本机的 DNS、VPN 或代理设置。',
  'remedy.proxyAuth':
    '代理要求提供用户名和密码（HTTP 407），请求没有到达 KooDrive：请为此代理保存配置的代理用户名和密码（配置编辑器的“高级”网络部分，或 koodrive-lock profile proxy-password），或在运行时通过代理 URL 提供（HTTPS_PROXY=http://user:password@proxy:port，或 CLI 的 --proxy；特殊字符写作 %XX），或更正它们；如果代理只接受 NTLM 或 Kerberos（Negotiate），请运行本地认证中继（如 cntlm 或 px）并将其用作代理。',
  'remedy.withNote': '{note}{remedy}',
  'proxy.passwordNotUsed':
    '配置的代理密码是为 {storedFor} 保存的，但此请求经过了 {chosen}（{reason}），因此没有使用它。',
  'proxy.anotherProxy': '另一个代理',
  'proxy.passwordUnreadable': '无法从钥匙串读取配置的代理密码：{why}',
  'remedy.proxyDecision':
    '无法确定此请求使用的代理（PAC 文件或系统代理设置出错，或只给出了 SOCKS 代理），因此没有发送任何请求：请修正 PAC 文件或代理设置，或在配置中设置 http:// 代理。',
  'remedy.proxyUnreachable':
    '无法连接代理（被拒绝、不可达或名称未知），请求没有到达 KooDrive：请检查代理地址（配置的代理或 HTTPS_PROXY）以及代理是否在运行；如果此网络不需要代理，请将其删除。',
  'remedy.proxyRefused':
    '代理拒绝建立到 KooDrive 主机和端口的隧道，请求没有到达 KooDrive：请检查基础 URL，并请代理管理员允许到该主机该端口的 CONNECT。',
  'remedy.network': '无法连接服务器（被拒绝或不可达）：请检查基础 URL 和端口、网络或 VPN，以及中间的防火墙或代理。',
  'remedy.reset.readOnly': '应答完整到达之前连接就断开了；此调用只读取数据，因此没有任何改变：请重试。',
  'remedy.reset.changes': '应答完整到达之前连接就断开了，因此{mayHaveHappened}：重试之前请先检查{stateToCheck}。',
  'remedy.tls.plainHttp':
    '基础 URL 中的端口以明文 HTTP 而不是 TLS 应答（{code}）：请使用 HTTPS 端口（如无特别说明为 443），http:// 只用于本地沙箱。',
  'remedy.tls.otherHost': '服务器证书属于另一个主机名：请检查基础 URL 中的主机，或请服务器的运维方修正证书。',
  'remedy.tls.notValidNow': '服务器证书当前无效（{code}）：请检查本机的日期和时间，然后告知服务器的运维方。',
  'remedy.tls.untrusted':
    '服务器证书不受信任：如果贵公司会检查 TLS 流量，请将其 CA 证书（PEM）添加到配置中；否则请不要连接并上报此情况。',
  'remedy.tls.untrustedCode':
    '服务器证书不受信任（{code}）：如果贵公司会检查 TLS 流量，请将其 CA 证书（PEM）添加到配置中；否则请不要连接并上报此情况。',
  'remedy.timeout.readOnly': '没有及时收到完整应答：请检查网络或代理后重试。',
  'remedy.timeout.changes': '没有及时收到完整应答，因此{mayHaveHappened}：重试之前请检查网络或代理以及{stateToCheck}。',
  'remedy.cancelled.readOnly': '请求已取消；此调用只读取数据，因此没有任何改变。',
  'remedy.cancelled.changes': '请求已取消；如果它已经发出，{mayHaveHappened}，因此重试之前请先检查{stateToCheck}。',
  'remedy.secret.empty': '此配置保存的密钥为空；请重新保存令牌或应用密钥。',
  'remedy.secret.control': '保存的密钥包含换行或其他控制字符；请重新保存，粘贴为一行。',
  'remedy.secret.nonAscii': '保存的访问令牌包含非 ASCII 字符，无法放入请求头发送；请重新保存令牌。',
  'remedy.destinationChanged':
    '配置“{profile}”现在指向的目标与保存密钥时不同（已更改：{changed}），因此没有使用该密钥，也没有发送任何请求。请为新的目标重新输入密钥。',
  'operation.lockState': '备份锁的状态',
  'operation.parameters.lockAndUser': '锁 ID（须原样复制）和用户 ID',
  'operation.parameters.moduleAndUser': '模块代码和用户 ID',
  'operation.parameters.record': '模块代码、记录 ID 和用户 ID',
  'operation.release.mayHaveHappened': '备份锁可能已经释放',
  'operation.release.success': '备份锁已释放；该用户和模块的下一次备份可以开始。',
  'operation.release.notFound': '备份锁已不存在（已释放或已过期），或 ID 有误；除非备份仍然失败，否则无需处理。',
  'operation.release.conflict':
    'KooDrive 拒绝释放此备份锁（{note}）：请确认锁 ID 属于该用户和模块；如仍失败，请携带请求 ID 上报。',
  'operation.renew.mayHaveHappened': '备份锁可能已经续期',
  'operation.renew.success': '备份锁已续期，再保持 10 分钟有效。',
  'operation.renew.notFound': '备份锁已不存在（已释放或已过期），或 ID 有误；请创建新的备份锁，而不是为此锁续期。',
  'operation.renew.conflict': 'KooDrive 拒绝为此备份锁续期（{note}）；它可能已过期或被替换，请改为创建新的备份锁。',
  'operation.create.mayHaveHappened': '备份锁可能已经创建',
  'operation.create.success': '备份锁已创建；用完后请释放，否则它会在 10 分钟后过期。',
  'operation.create.notFound': 'KooDrive 没有找到要加锁的用户或空间：请检查配置中的用户 ID 和模块代码。',
  'operation.create.conflict':
    'KooDrive 拒绝创建备份锁（{note}），很可能是另一个客户端持有该锁：请释放那个锁，或等待最多 10 分钟让它过期，然后重试。',
  'operation.create.noLockId':
    'KooDrive 报告成功，但没有返回锁 ID：请重试一次；如再次发生，请携带请求 ID 联系 KooDrive 支持。',
  'operation.read.success': 'KooDrive 返回了{what}。',
  'operation.read.conflict':
    'KooDrive 拒绝返回{what}（{note}）：请检查用户 ID 和模块代码；如仍失败，请携带请求 ID 上报。',
  'operation.read.records': '备份记录',
  'operation.read.record': '该备份记录',
  'operation.read.recordFiles': '该备份记录的文件',
  'operation.listRecords.notFound': 'KooDrive 没有找到该用户和模块的备份记录：请检查配置中的用户 ID 和模块代码。',
  'operation.viewRecord.notFound': '该备份记录不存在（已删除，或 ID 有误）：请检查记录 ID。',
  'records.noUsableRecord':
    'KooDrive 报告成功，但没有返回带有可用记录 ID 的备份记录：请携带请求 ID 联系 KooDrive 支持。',
  'records.otherModule':
    '备份记录 {recordId} 属于模块 {shown}，而不是 {wanted}：请选择模块 {actual}，与该模块的其他记录一起查看。',
  'records.idInvalid': '备份记录 ID 是一串较长的数字，例如 1842862763295184641（只含数字）：请从记录列表重新复制。',
  'records.deviceIdInvalid': '设备 ID 有 1 到 {max} 个字符：请从记录的设备信息重新复制。',
  'records.limitInvalid': '上限是 1 到 {max} 之间的整数（记录条数）。',
  'records.cursorInvalid': '游标是上一页的 nextCursor，最多 {max} 个字符：请原样传回。',
  'records.noList.record':
    'KooDrive 报告成功，但没有返回记录列表：请确认基础 URL 指向 KooDrive API；如仍失败，请携带请求 ID 上报。',
  'records.noList.file':
    'KooDrive 报告成功，但没有返回文件列表：请确认基础 URL 指向 KooDrive API；如仍失败，请携带请求 ID 上报。',
  'records.itemWithoutId.record':
    'KooDrive 返回的记录没有可用的记录 ID，因此无法显示列表：请携带请求 ID 联系 KooDrive 支持。',
  'records.itemWithoutId.file':
    'KooDrive 返回的文件没有可用的文件 ID，因此无法显示列表：请携带请求 ID 联系 KooDrive 支持。',
  'records.noModuleGiven': '（未给出）',
  'records.serverSaid': '（{said}）',
  'records.serverSaidNothing': '',
  'records.cursorRefused':
    'KooDrive 拒绝了下一页的游标{serverSaid}：游标会在一段时间后过期，或属于另一个列表，请从头重新列出（已读取的条目会保留）。',
  'records.pageSizeRefused':
    'KooDrive 拒绝了每页 {pageSize} 条{serverSaid}：此服务器允许的每页条目少于 API 文档所说的 100 条；请携带请求 ID 上报。',
});
