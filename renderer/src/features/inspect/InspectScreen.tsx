import { useEffect, useId, useRef, useState } from 'react';
import { userIdProblem } from '../../../../shared/identifiers';
import type { Profile } from '../../../../shared/profile';
import { RECORD_LIST_DEFAULT_LIMIT } from '../../../../shared/records';
import { useSecretStatus } from '../profiles/useSecretStatus';
import type { LocksPrefill } from '../locks/LocksScreen';
import { useRecentUserIds } from '../locks/useRecentLockIds';
import { t } from '../../i18n';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type InspectQuery, InspectQueryForm } from './InspectQueryForm';
import { RecordsPanel } from './RecordsPanel';
import { useRecordListing } from './useRecordListing';
import './inspect.css';

export interface InspectScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
  /** "Open in Locks": the Locks screen with this profile, user and module filled in. */
  onOpenLocks: (target: LocksPrefill) => void;
}

/** The query as typed for one profile; another profile starts from its own default user and module. */
interface QueryDraft extends InspectQuery {
  profileId: string;
}

function defaultQuery(profile: Profile): QueryDraft {
  return {
    profileId: profile.id,
    userText: profile.userId ?? '',
    moduleCode: profile.moduleCode,
    limit: String(RECORD_LIST_DEFAULT_LIMIT),
  };
}

/**
 * Read-only: a user's backup records for one module, a record's details and files. Nothing here changes
 * server state; the only way to act is "Open in Locks", which only fills in the lock screen.
 */
export function InspectScreen({ profiles, profile, onSelectProfile, onOpenLocks }: InspectScreenProps) {
  const secret = useSecretStatus(profile.id);
  const recentUsers = useRecentUserIds(profile.id);
  const listing = useRecordListing();
  const [draft, setDraft] = useState<QueryDraft>(() => defaultQuery(profile));
  const [attempted, setAttempted] = useState(false);
  const userInput = useRef<HTMLInputElement>(null);
  const resultsId = useId();

  const query = draft.profileId === profile.id ? draft : defaultQuery(profile);
  const bearer = profile.authMode === 'bearer';
  const userId = (bearer ? (profile.userId ?? '') : query.userText).trim();
  const userProblem = userIdProblem(userId);

  function show() {
    if (userProblem) {
      setAttempted(true);
      userInput.current?.focus();
      return;
    }
    void listing.show({
      profileId: profile.id,
      profileName: profile.name,
      userId,
      moduleCode: query.moduleCode,
      limit: Number(query.limit) || RECORD_LIST_DEFAULT_LIMIT,
    });
  }

  // A finished listing moves the reader to its results (the button that started it was disabled).
  const shown = listing.listing;
  useEffect(() => {
    if (shown && (document.activeElement === document.body || document.activeElement === null)) {
      document.getElementById(resultsId)?.focus();
    }
  }, [shown, resultsId]);

  return (
    <div className="page inspect-page">
      <div className="page-head">
        <h1 className="page-title">{t('inspect.title')}</h1>
        <p className="page-subtitle">{t('inspect.subtitle')}</p>
      </div>
      {secret.error && <ErrorAlert error={secret.error} />}
      <InspectQueryForm
        profiles={profiles}
        profile={profile}
        secret={secret.status}
        onSelectProfile={onSelectProfile}
        query={query}
        onChange={(next) => setDraft({ ...next, profileId: profile.id })}
        userProblem={userProblem}
        attempted={attempted}
        recentUsers={recentUsers}
        userInput={userInput}
        busy={listing.running !== null}
        cancelling={listing.running?.cancelling ?? false}
        onShow={show}
        onCancel={() => void listing.cancel()}
      />
      {listing.error && <ErrorAlert error={listing.error} />}
      {shown && <RecordsPanel key={shown.readAtMs} listing={shown} headingId={resultsId} onOpenLocks={onOpenLocks} />}
    </div>
  );
}
