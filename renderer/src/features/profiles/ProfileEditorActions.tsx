import type { Profile } from '../../../../shared/profile';
import { ErrorAlert } from '../../components/ErrorAlert';
import { t } from '../../i18n';
import { connectionTestOutcome } from './connectionTestOutcome';
import type { useConnectionTest } from './useConnectionTest';

export interface ProfileEditorActionsProps {
  /** null for a new profile. */
  profile: Profile | null;
  saving: boolean;
  /** Unsaved edits: Test connection checks the saved profile, so it waits for Save. */
  dirty: boolean;
  connection: ReturnType<typeof useConnectionTest>;
  onOpenLocks: (profileId: string) => void;
  onDuplicate: () => void;
  onDelete: () => void;
}

const TEST_HINT = 'profile-test-hint';

/** The editor's footer: Save and Test connection side by side, Duplicate, Use in lock form, Delete; the test's outcome. */
export function ProfileEditorActions({
  profile,
  saving,
  dirty,
  connection,
  onOpenLocks,
  onDuplicate,
  onDelete,
}: ProfileEditorActionsProps) {
  const testBlocked = profile === null || dirty;
  const outcome = connection.report && !connection.busy ? connectionTestOutcome(connection.report) : null;
  return (
    <>
      <div className="actions actions--footer">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t('profile.saving') : t('profile.save')}
        </button>
        <button
          type="button"
          className="button"
          disabled={testBlocked || connection.busy}
          aria-describedby={testBlocked ? TEST_HINT : undefined}
          onClick={() => profile && void connection.test(profile.id)}
        >
          {connection.busy ? t('profile.test.running') : t('profile.test')}
        </button>
        {profile && (
          <button type="button" className="button" onClick={onDuplicate}>
            {t('profile.duplicate')}
          </button>
        )}
        {profile && (
          <button type="button" className="button" onClick={() => onOpenLocks(profile.id)}>
            {t('profile.openLocks')}
          </button>
        )}
        <span className="actions-spacer" />
        {profile && (
          <button type="button" className="button button--quiet-danger" onClick={onDelete}>
            {t('profile.delete')}
          </button>
        )}
      </div>
      {testBlocked && (
        <p id={TEST_HINT} className="field-help">
          {profile === null ? t('profile.test.saveFirst') : t('profile.test.unsaved')}
        </p>
      )}
      <div className="profile-test" role="status" aria-label={t('profile.test.outcome')}>
        {outcome && (
          <div
            className={outcome.passed ? 'profile-test-outcome' : 'profile-test-outcome profile-test-outcome--failed'}
          >
            <p className="profile-test-summary">{outcome.summary}</p>
            {outcome.detail && <p className="field-help">{outcome.detail}</p>}
            {outcome.remedy && <p>{outcome.remedy}</p>}
          </div>
        )}
      </div>
      {connection.error && <ErrorAlert error={connection.error} onDismiss={connection.dismissError} />}
    </>
  );
}
