import { useCallback, useState } from 'react';
import { userIdProblem } from '../../../../shared/identifiers';
import type { Profile } from '../../../../shared/profile';
import type { ResultKind } from '../../../../shared/result';
import { useSecretStatus } from '../profiles/useSecretStatus';
import { useSecretLastOutcome } from '../locks/secretOutcome';
import { t } from '../../i18n';
import { DiagnosticsChecks } from './DiagnosticsChecks';
import type { DiagnosticsPrefill } from './diagnosticsPrefill';
import { ErrorAlert } from '../../components/ErrorAlert';
import { HelpDialog } from '../help/HelpDialog';
import { ProfilePicker } from '../../components/ProfilePicker';
import { UserIdField } from '../../components/UserIdField';
import './diagnostics.css';

export interface DiagnosticsScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
  /** Applies while its profile is the selected one; remount (key) to apply a new one. */
  prefill?: DiagnosticsPrefill | null;
  /** Opens Profiles at this profile's secret field (the connection check's refused authenticated call). */
  onReplaceSecret?: (profileId: string) => void;
}

/** What the help dialog shows: one result kind, or every kind (the glossary). */
type HelpTopic = { kind: ResultKind } | { kind: null };

/** For support staff: the request as it would be sent, the clock, the connection, and what each result means. */
export function DiagnosticsScreen({
  profiles,
  profile,
  onSelectProfile,
  prefill = null,
  onReplaceSecret,
}: DiagnosticsScreenProps) {
  const secret = useSecretStatus(profile.id);
  const secretOutcome = useSecretLastOutcome(profile.id);
  const filled = prefill?.profileId === profile.id ? prefill : null;
  const [help, setHelp] = useState<HelpTopic | null>(null);
  const [user, setUser] = useState({ profileId: profile.id, value: filled?.userId ?? profile.userId ?? '' });
  const userValue = user.profileId === profile.id ? user.value : (profile.userId ?? '');
  const userId = userValue.trim() === '' ? undefined : userValue.trim();
  const closeHelp = useCallback(() => setHelp(null), []);
  const openKindHelp = useCallback((kind: ResultKind) => setHelp({ kind }), []);

  return (
    <div className="page diag-page">
      <div className="page-head diag-page-head">
        <div>
          <h1 className="page-title">{t('diagnostics.title')}</h1>
          <p className="page-subtitle">{t('diagnostics.subtitle')}</p>
        </div>
        <button
          type="button"
          className="button button--quiet button--small help-link"
          onClick={() => setHelp({ kind: null })}
        >
          {t('help.glossary.open')}
        </button>
      </div>
      {secret.error && <ErrorAlert error={secret.error} />}
      <section className="panel form" aria-label={t('diagnostics.profileLabel')}>
        <ProfilePicker
          profiles={profiles}
          profile={profile}
          secret={secret.status}
          onChange={onSelectProfile}
          secretOutcome={secretOutcome}
        />
        <UserIdField
          id="diag-user-id"
          profile={profile}
          value={userValue}
          onChange={(value) => setUser({ profileId: profile.id, value })}
          problem={userId === undefined ? null : userIdProblem(userId)}
          attempted={false}
          help={profile.authMode === 'app' ? t('diagnostics.userId.help') : undefined}
        />
        {filled && (
          <p className="field-help" role="note">
            {t('diagnostics.handoff', { userId: filled.userId, lockId: filled.lockId || t('diagnostics.clock.none') })}
          </p>
        )}
      </section>
      <DiagnosticsChecks
        key={profile.id}
        profile={profile}
        userId={userId}
        initial={filled ?? undefined}
        onHelp={openKindHelp}
        onReplaceSecret={onReplaceSecret && (() => onReplaceSecret(profile.id))}
      />
      {help && <HelpDialog kind={help.kind} onClose={closeHelp} />}
    </div>
  );
}
