import type { RefObject } from 'react';
import type { SecretStatus } from '../../../../shared/contract';
import type { Profile } from '../../../../shared/profile';
import { RECORD_LIST_DEFAULT_LIMIT, RECORD_LIST_MAX_LIMIT } from '../../../../shared/records';
import { t } from '../../i18n';
import { moduleOptions } from '../../lib/moduleOptions';
import { formatCount } from '../../lib/numberFormat';
import { ProfilePicker } from '../../components/ProfilePicker';
import { SelectField } from '../../components/SelectField';
import { UserIdField } from '../../components/UserIdField';

/** How many records one listing reads at most: a quick look, the default, the most the app reads. */
export const LIMIT_CHOICES = [100, RECORD_LIST_DEFAULT_LIMIT, RECORD_LIST_MAX_LIMIT] as const;

export interface InspectQuery {
  userText: string;
  moduleCode: string;
  limit: string;
}

export interface InspectQueryFormProps {
  profiles: Profile[];
  profile: Profile;
  secret: SecretStatus | null;
  onSelectProfile: (profileId: string) => void;
  query: InspectQuery;
  onChange: (query: InspectQuery) => void;
  userProblem: string | null;
  attempted: boolean;
  recentUsers: readonly string[];
  userInput: RefObject<HTMLInputElement | null>;
  busy: boolean;
  cancelling: boolean;
  onShow: () => void;
  onCancel: () => void;
}

/** Whose records to read: profile, user ("Act on any user"), module and how many; Show, or Cancel while reading. */
export function InspectQueryForm({
  profiles,
  profile,
  secret,
  onSelectProfile,
  query,
  onChange,
  userProblem,
  attempted,
  recentUsers,
  userInput,
  busy,
  cancelling,
  onShow,
  onCancel,
}: InspectQueryFormProps) {
  const limits = LIMIT_CHOICES.map((limit) => ({
    value: String(limit),
    label: t('inspect.limit.option', { count: formatCount(limit) }),
  }));
  return (
    <form
      className="panel form"
      noValidate
      aria-label={t('inspect.formLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        onShow();
      }}
    >
      <ProfilePicker profiles={profiles} profile={profile} secret={secret} onChange={onSelectProfile} />
      <div className="inspect-query">
        <UserIdField
          id="inspect-user-id"
          profile={profile}
          value={query.userText}
          onChange={(userText) => onChange({ ...query, userText })}
          problem={userProblem}
          attempted={attempted}
          recent={recentUsers}
          inputRef={userInput}
          help={profile.authMode === 'app' ? t('inspect.userId.help') : undefined}
        />
        <SelectField
          id="inspect-module"
          label={t('inspect.module')}
          value={query.moduleCode}
          onChange={(moduleCode) => onChange({ ...query, moduleCode })}
          options={moduleOptions(query.moduleCode)}
        />
        <SelectField
          id="inspect-limit"
          label={t('inspect.limit')}
          value={query.limit}
          onChange={(limit) => onChange({ ...query, limit })}
          options={limits}
          help={t('inspect.limit.help')}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('inspect.show')}
        </button>
        {busy && (
          <>
            <span className="inspect-reading" role="status">
              {cancelling ? t('inspect.cancelling') : t('inspect.reading')}
            </span>
            <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
              {t('common.cancel')}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
