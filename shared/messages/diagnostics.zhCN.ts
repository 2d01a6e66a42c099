/** 简体中文 of diagnostics.en.ts: the same keys and placeholders (a difference is a compile error). */
import type { diagnosticsEn } from './diagnostics.en';
import { translated } from './template';

export const diagnosticsZhCN = translated<typeof diagnosticsEn>()({
  'step.internalError': '请重试；如果一直发生，请连同导致此问题的操作步骤一起上报。',
  'step.tryAgain': '请重试；如果一直发生，请上报。',
  'step.correctProfile': '请更正配置后再检查。',
  'step.enterUserId': '请输入用户 ID，然后再检查。',
  'step.fixKeychain': '请按说明修复钥匙串，然后再检查。',
  'step.storeSecret': '请打开配置，粘贴{what}并保存，然后再检查。',
  'step.secret.token': '访问令牌',
  'step.secret.appSecret': '应用密钥',
  'step.timeout': '服务器接受了连接，但没有及时应答：请检查代理和网络，稍后重试；如仍如此，说明服务器过载或已停机。',
  'step.reset':
    '服务器在应答完整之前关闭了连接：请确认基础 URL 指向 KooDrive API（端口和协议正确），并检查是否有代理或防火墙切断连接。',
  'step.cancelled': '检查已取消；请重新运行。',
  'step.dns.proxy': '请检查配置中代理地址的拼写，以及本机的 DNS 或 VPN 设置。',
  'step.dns.host': '请检查基础 URL 中主机名的拼写，以及本机的 DNS、VPN 或代理设置（可在配置中设置代理）。',
  'step.tcp.refusedProxy': '代理地址上没有任何服务接受连接：请检查配置中的代理主机和端口，以及代理是否在运行。',
  'step.tcp.refused':
    '该地址上没有任何服务接受连接：请检查基础 URL 中的端口（https 使用 443）以及服务器是否在运行；防火墙也可能拒绝连接。',
  'step.tcp.unreachable': '没有到服务器的路由：请检查网线或 Wi-Fi、VPN，以及此网络是否需要代理（在配置中设置）。',
  'step.tcp.timedOut': '可能有防火墙丢弃了连接，或主机已停机：请检查 VPN、防火墙和代理设置。',
  'step.tunnel.connect': '请检查代理地址，并确认代理允许到此主机和端口的 CONNECT。',
  'step.tls.handshake':
    '请确认基础 URL 中的端口提供 HTTPS（明文 http:// 只用于本地沙箱），并检查是否有代理或防火墙干扰连接。',
  'step.tls.selfSigned':
    '如果这是测试服务器或贵公司的 TLS 检查，并且您信任它，请将其证书（PEM）作为额外 CA 添加到配置中；否则请不要连接并上报此情况。',
  'step.tls.unknownCa':
    '如果贵公司会检查 TLS 流量，请向 IT 部门索取其 CA 证书并（以 PEM 格式）添加到配置中；否则请不要连接并上报此情况。',
  'step.tls.expired': '请确认本机日期正确；如果正确，请告知服务器的运维方更新证书，在此之前不要连接。',
  'step.tls.notYetValid': '本机日期可能有误：请更正（NTP）后再检查；否则请告知服务器的运维方。',
  'step.tls.otherHost':
    '请检查基础 URL 中的主机；如果正确，说明服务器（或中间的代理）出示了错误的证书：请告知其运维方。',
  'step.tls.expiresSoonOne': '证书将在 1 天后过期（{validTo}）：请告知服务器的运维方及时更新。',
  'step.tls.expiresSoon': '证书将在 {days} 天后过期（{validTo}）：请告知服务器的运维方及时更新。',
  'step.auth.serverFailed': '请几分钟后重试；如仍失败，请携带请求 ID 联系 KooDrive 支持。',
  'step.buildFailed': '请更正配置：{reason}',
  'step.tcp.noAnswer': '可能有防火墙丢弃了连接，或主机已停机：请检查 VPN、防火墙，以及此网络是否需要代理。',
  'step.tunnel.failed': '请检查代理地址以及代理是否在运行。',
  'step.tls.caPem': '请将完整的 -----BEGIN CERTIFICATE----- … -----END CERTIFICATE----- 块粘贴到配置中。',
  'step.tls.override':
    '环境中设置了 {variable}=0：它要求关闭 TLS 证书检查，因此不会发送任何请求。请取消该设置（sh：unset {variable}；PowerShell：Remove-Item Env:{variable}）后重新启动。对于使用私有 CA 的服务器，请改为将 CA 证书（PEM）添加到配置中。',
});
