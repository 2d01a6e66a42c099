import type { ReactNode } from 'react';
import type { AuthMode } from '../../../../shared/profile';
import { t } from '../../i18n';
import { certificateCount } from './profileNetwork';
import './profileNetwork.css';

export interface ProfileAdvancedSectionProps {
  authMode: AuthMode;
  bearerPrefix: string;
  proxyUrl: string;
  caPem: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}

/** What is set, shown on the folded section so a closed "Advanced" hides nothing that matters. */
function state({ authMode, bearerPrefix, proxyUrl, caPem }: Omit<ProfileAdvancedSectionProps, 'open'>): string {
  const parts: string[] = [];
  if (authMode === 'bearer' && bearerPrefix.trim() !== '') {
    parts.push(t('profile.advanced.prefix', { prefix: bearerPrefix.trim() }));
  }
  if (proxyUrl !== '') parts.push(t('profile.network.viaProxy', { proxy: proxyUrl }));
  if (caPem !== '') {
    const count = certificateCount(caPem);
    parts.push(
      count === 1 ? t('profile.network.caCount.one') : t('profile.network.caCount.other', { count: String(count) }),
    );
  }
  return parts.length === 0 ? t('profile.network.default') : parts.join(' · ');
}

/** "Advanced": the authorization prefix, proxy, proxy password and CA certificate, folded away unless set. */
export function ProfileAdvancedSection(props: ProfileAdvancedSectionProps) {
  const { authMode, open, onOpenChange, children } = props;
  return (
    <details
      className="group advanced"
      open={open}
      onToggle={(event) => onOpenChange((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary className="network-summary">
        <span className="network-summary-title">{t('profile.group.advanced')}</span>
        <span className="network-summary-hint">
          {authMode === 'bearer' ? t('profile.advanced.hint.bearer') : t('profile.advanced.hint.app')}
        </span>
        <span className="network-summary-state">{state(props)}</span>
      </summary>
      <div className="network-body advanced-body">{children}</div>
    </details>
  );
}
