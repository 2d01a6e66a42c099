import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import type { ResultOf } from '../../../../shared/contract';
import type { Profile } from '../../../../shared/profile';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';
import { useSecretStatus } from './useSecretStatus';
import { useUnsavedChangesSignal } from './useUnsavedChangesSignal';
import { type MessageKey, t } from '../../i18n';
import { moduleOptions } from '../../lib/moduleOptions';
import {
  type DraftField,
  type ProfileDraft,
  checkDraft,
  draftEnvironment,
  draftFromProfile,
  emptyDraft,
  fieldMessage,
} from './profileForm';
import { type NetworkField, type NetworkProblemTexts, checkNetworkFields } from './profileNetwork';
import { AuthModeField } from './AuthModeField';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProfileAdvancedSection } from './ProfileAdvancedSection';
import { ProfileConnectionFields } from './ProfileConnectionFields';
import { ProfileEditorActions } from './ProfileEditorActions';
import { ProfileNetworkFields } from './ProfileNetworkFields';
import { ProxyPasswordField } from './ProxyPasswordField';
import { SecretField } from './SecretField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { advancedFieldsSet } from './advancedFields';
import { type EditState, editState } from './editState';
import { hasUnsavedChanges } from './profileChanges';
import { useConnectionTest } from './useConnectionTest';
import './profileEditor.css';

export interface ProfileEditorProps {
  /** null for a new profile. */
  profile: Profile | null;
  /** A new profile's first values (Duplicate); the name of the profile they were copied from. */
  copy?: { draft: ProfileDraft; from: string } | null;
  onSaved: (profile: Profile) => void;
  onDeleted: (profileId: string) => void;
  onOpenLocks: (profileId: string) => void;
  onDuplicate: (profile: Profile) => void;
  /** Told whether the editor holds unsaved edits or is saving them ('clean' again when it closes). */
  onEditStateChange: (state: EditState) => void;
  /** Focus the secret field when the editor opens. */
  focusSecret?: boolean;
}

const LABELS: Readonly<Record<DraftField, MessageKey>> = {
  name: 'profile.name',
  baseUrl: 'profile.baseUrl',
  userId: 'profile.userId',
  authMode: 'profile.authMode',
  appId: 'profile.appId',
  moduleCode: 'profile.moduleCode',
  bearerPrefix: 'profile.bearerPrefix',
};
const FIELD_ORDER: ReadonlyArray<DraftField> = ['name', 'baseUrl', 'userId', 'appId', 'bearerPrefix', 'moduleCode'];
const NETWORK_LABELS: Readonly<Record<NetworkField, MessageKey>> = {
  proxyUrl: 'profile.proxyUrl',
  caPem: 'profile.caPem',
};

/** SecretField's input. */
const SECRET_FIELD = 'profile-secret';

function fieldId(field: DraftField): string {
  return `profile-${field}`;
}

export function ProfileEditor({
  profile,
  copy = null,
  onSaved,
  onDeleted,
  onOpenLocks,
  onDuplicate,
  onEditStateChange,
  focusSecret = false,
}: ProfileEditorProps) {
  /** The draft as saved (a new profile's is empty, so a duplicate counts as unsaved). */
  const [baseline, setBaseline] = useState<ProfileDraft>(() => (profile ? draftFromProfile(profile) : emptyDraft()));
  const [draft, setDraft] = useState<ProfileDraft>(() => copy?.draft ?? baseline);
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [secret, setSecret] = useState('');
  const saving = useIpcCall<ResultOf<'saveProfile'>>();
  const [notice, setNotice] = useState('');
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [advancedOpen, setAdvancedOpen] = useState(() => advancedFieldsSet(draft));
  const [networkTouched, setNetworkTouched] = useState<ReadonlySet<NetworkField>>(() => new Set());
  const proxyInput = useRef<HTMLInputElement>(null);
  const caInput = useRef<HTMLTextAreaElement>(null);
  const prefixInput = useRef<HTMLInputElement>(null);
  const secrets = useSecretStatus(profile?.id ?? null);
  const connection = useConnectionTest();
  const dirty = hasUnsavedChanges(baseline, draft, secret);

  const state = editState(dirty, saving.busy);
  useEffect(() => onEditStateChange(state), [state, onEditStateChange]);
  useEffect(() => () => onEditStateChange('clean'), [onEditStateChange]);
  useUnsavedChangesSignal(dirty);

  useEffect(() => {
    if (focusSecret) document.getElementById(SECRET_FIELD)?.focus();
  }, [focusSecret]);

  const check = checkDraft(draft);
  const networkCheck = checkNetworkFields(draft.proxyUrl, draft.caPem);
  const networkProblems: NetworkProblemTexts = {};
  for (const field of ['proxyUrl', 'caPem'] as const) {
    const text = networkCheck[field];
    if (text && (submitted || networkTouched.has(field))) {
      networkProblems[field] = fieldMessage(t(NETWORK_LABELS[field]), text);
    }
  }
  const hasNetworkProblem = Object.keys(networkCheck).length > 0;
  const problem = (field: DraftField): string | undefined => {
    const text = check.problems[field];
    return text && (submitted || touched.has(field)) ? fieldMessage(t(LABELS[field]), text) : undefined;
  };
  const update = <K extends DraftField>(field: K, value: ProfileDraft[K]) => {
    setDraft((previous) => ({ ...previous, [field]: value }));
    setNotice('');
  };
  const touch = (field: DraftField) => () => setTouched((previous) => new Set(previous).add(field));
  const updateNetwork = (field: NetworkField, value: string) => {
    // A blank field means "not set": the schema would refuse whitespace as an empty value.
    setDraft((previous) => ({ ...previous, [field]: value.trim() === '' ? '' : value }));
    setNotice('');
  };
  const touchNetwork = (field: NetworkField) => setNetworkTouched((previous) => new Set(previous).add(field));
  const textProps = (field: DraftField) => ({
    id: fieldId(field),
    label: t(LABELS[field]),
    value: String(draft[field]),
    onChange: (value: string) => update(field, value),
    onBlur: touch(field),
    problem: problem(field),
  });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (saving.busy) return;
    setSubmitted(true);
    setNotice('');
    saving.dismissError();
    if (!check.input) {
      const first = FIELD_ORDER.find((field) => check.problems[field]);
      if (first && first !== 'bearerPrefix') document.getElementById(fieldId(first))?.focus();
      else if (first || hasNetworkProblem) {
        setAdvancedOpen(true);
        // The section may have been folded: focus once it is open.
        const target = first ? prefixInput : networkCheck.proxyUrl ? proxyInput : caInput;
        window.setTimeout(() => target.current?.focus(), 0);
      }
      return;
    }
    const input = check.input;
    await saving.run(async () => {
      const saved = await lockAdmin().saveProfile(input);
      if (saved.ok) await afterSave(saved.value);
      return saved;
    });
  }

  async function afterSave(saved: ResultOf<'saveProfile'>) {
    setBaseline(draftFromProfile(saved));
    setDraft(draftFromProfile(saved));
    onSaved(saved);
    const typed = secret.trim();
    if (typed !== '') {
      if (!(await secrets.store(saved.id, typed))) {
        setNotice(t('profile.savedWithoutSecret', { name: saved.name }));
        return;
      }
      setSecret('');
    } else if (saved.secretCleared) {
      // The connection changed, so main removed the secret stored for the old one.
      await secrets.refresh(saved.id);
      setNotice(`${t('profile.saved', { name: saved.name })} ${t('secret.cleared')}`);
      return;
    }
    setNotice(t('profile.saved', { name: saved.name }));
  }

  async function removeSecret() {
    if (!profile) return;
    if (await secrets.clear(profile.id)) setNotice(t('secret.removed'));
  }

  async function remove() {
    setConfirmingDelete(false);
    if (!profile) return;
    const result = await lockAdmin().deleteProfile({ profileId: profile.id });
    if (result.ok) onDeleted(profile.id);
    else saving.fail(result.error);
  }

  const cancelDelete = useCallback(() => setConfirmingDelete(false), []);
  const openIfProxyPasswordStored = useCallback((stored: boolean) => {
    if (stored) setAdvancedOpen(true);
  }, []);

  return (
    <form
      className="panel form profile-editor"
      noValidate
      onSubmit={(event) => void save(event)}
      aria-labelledby="editor-title"
    >
      <h2 id="editor-title" className="panel-title">
        {profile ? t('profile.editTitle', { name: profile.name }) : t('profile.newTitle')}
      </h2>
      {copy && !profile && <p className="field-help">{t('profile.duplicate.note', { name: copy.from })}</p>}
      {saving.error && <ErrorAlert error={saving.error} onDismiss={saving.dismissError} />}
      {secrets.error && <ErrorAlert error={secrets.error} />}
      {check.problems.form && submitted && !hasNetworkProblem && (
        <p className="field-note field-note--problem">{check.problems.form.english}</p>
      )}

      <div className="profile-columns">
        <div className="profile-column profile-column--connection">
          <ProfileConnectionFields
            name={textProps('name')}
            baseUrl={textProps('baseUrl')}
            environment={draftEnvironment(draft)}
            onEnvironmentChange={(environment) => {
              setDraft((previous) => ({ ...previous, environment }));
              setNotice('');
            }}
          />
        </div>

        <fieldset className="group profile-column profile-column--auth">
          <legend className="group-title">{t('profile.group.auth')}</legend>
          <AuthModeField value={draft.authMode} onChange={(mode) => update('authMode', mode)} />
          {draft.authMode === 'app' ? (
            <TextField
              {...textProps('userId')}
              label={t('profile.userId.app')}
              inputMode="numeric"
              mono
              help={t('profile.userId.appHelp')}
            />
          ) : (
            <TextField {...textProps('userId')} inputMode="numeric" mono help={t('profile.userId.help')} />
          )}
          {draft.authMode === 'app' && <TextField {...textProps('appId')} mono help={t('profile.appId.help')} />}
          <SecretField
            authMode={draft.authMode}
            value={secret}
            onChange={(value) => {
              setSecret(value);
              setNotice('');
            }}
            status={profile ? secrets.status : { stored: false, destinationChanged: false, store: '' }}
            busy={secrets.busy || saving.busy}
            onRemove={() => void removeSecret()}
          />
        </fieldset>

        <fieldset className="group profile-column profile-column--defaults">
          <legend className="group-title">{t('profile.group.defaults')}</legend>
          <SelectField
            id={fieldId('moduleCode')}
            label={t('profile.moduleCode')}
            value={draft.moduleCode}
            onChange={(value) => update('moduleCode', value)}
            options={moduleOptions(draft.moduleCode)}
            help={t('profile.moduleCode.help')}
          />
        </fieldset>
      </div>

      <ProfileAdvancedSection
        authMode={draft.authMode}
        bearerPrefix={draft.bearerPrefix}
        proxyUrl={draft.proxyUrl}
        caPem={draft.caPem}
        open={advancedOpen}
        onOpenChange={setAdvancedOpen}
      >
        <div className="advanced-column">
          {draft.authMode === 'bearer' && (
            <TextField
              {...textProps('bearerPrefix')}
              placeholder="Bearer"
              help={t('profile.bearerPrefix.help')}
              inputRef={prefixInput}
            />
          )}
          <ProfileNetworkFields
            proxyUrl={draft.proxyUrl}
            caPem={draft.caPem}
            onChange={updateNetwork}
            onBlur={touchNetwork}
            problems={networkProblems}
            proxyRef={proxyInput}
            caRef={caInput}
          />
        </div>
        {profile && (
          <div className="advanced-column">
            <ProxyPasswordField
              key={`${profile.id} ${profile.proxyUrl ?? ''}`}
              profileId={profile.id}
              proxyUrl={profile.proxyUrl ?? ''}
              onStoredKnown={openIfProxyPasswordStored}
            />
          </div>
        )}
      </ProfileAdvancedSection>

      <ProfileEditorActions
        profile={profile}
        saving={saving.busy}
        dirty={dirty}
        connection={connection}
        onOpenLocks={onOpenLocks}
        onDuplicate={() => profile && onDuplicate(profile)}
        onDelete={() => setConfirmingDelete(true)}
      />
      <p className="form-notice" role="status">
        {notice}
      </p>
      {confirmingDelete && profile && (
        <ConfirmDialog
          title={t('profile.deleteConfirm.title', { name: profile.name })}
          confirmLabel={t('profile.deleteConfirm.action')}
          tone="danger"
          onConfirm={() => void remove()}
          onCancel={cancelDelete}
        >
          <p>{t('profile.deleteConfirm.body')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}
