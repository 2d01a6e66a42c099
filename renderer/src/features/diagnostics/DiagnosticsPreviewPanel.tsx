import { type FormEvent, type Ref, useState } from 'react';
import type { RequestPreview } from '../../../../shared/diagnostics';
import { checkLockId } from '../../../../shared/identifiers';
import type { Profile } from '../../../../shared/profile';
import { LOCK_OPERATIONS, type LockOperation } from '../../../../shared/result';
import { mapResult } from '../../api/ipcCallState';
import { lockAdmin } from '../../api/lockAdmin';
import { useIpcCall } from '../../api/useIpcCall';
import { messageText, t } from '../../i18n';
import { moduleOptions } from '../../lib/moduleOptions';
import { useClockOffset } from './diagnosticsClockOffset';
import { DiagnosticsRequestView } from './DiagnosticsRequestView';
import { DiagnosticsSection } from './DiagnosticsSection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';

function isOperation(value: string): value is LockOperation {
  return (LOCK_OPERATIONS as readonly string[]).includes(value);
}

interface Shown {
  preview: RequestPreview;
  clockOffsetMs?: number;
}

/** Builds (never sends) a lock request for the profile and shows it; mount with a key per profile. */
export interface DiagnosticsPreviewPanelProps {
  profile: Profile;
  userId?: string;
  /** The operation and lock the panel starts with (a lock result's "Open in Diagnostics"). */
  initial?: { operation: LockOperation; lockId: string };
  open: boolean;
  onToggle: (open: boolean) => void;
  toggleRef?: Ref<HTMLButtonElement>;
}

export function DiagnosticsPreviewPanel({
  profile,
  userId,
  initial,
  open,
  onToggle,
  toggleRef,
}: DiagnosticsPreviewPanelProps) {
  const [operation, setOperation] = useState<LockOperation>(initial?.operation ?? 'release');
  const [lockId, setLockId] = useState(initial?.lockId ?? '');
  const [moduleCode, setModuleCode] = useState(profile.moduleCode);
  const [attempted, setAttempted] = useState(false);
  const { busy, error, value: shown, run: send, dismissError } = useIpcCall<Shown>();
  const clockOffsetMs = useClockOffset(profile.id);

  const needsLockId = operation !== 'create';
  const check = checkLockId(lockId);
  const lockProblem =
    needsLockId && !check.ok && (attempted || lockId.trim() !== '')
      ? messageText(check.problemMessage, check.problem)
      : undefined;

  async function show(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (needsLockId && !check.ok) {
      setAttempted(true);
      return;
    }
    dismissError();
    const offset = clockOffsetMs === undefined ? {} : { clockOffsetMs };
    const target = needsLockId ? { lockId: check.ok ? check.lockId : lockId } : { moduleCode };
    const user = userId === undefined ? {} : { userId };
    await send(async () => {
      const result = await lockAdmin().previewRequest({
        profileId: profile.id,
        operation,
        ...target,
        ...user,
        ...offset,
      });
      return mapResult(result, (preview) => ({ preview, clockOffsetMs }));
    });
  }

  return (
    <DiagnosticsSection
      id="diag-preview"
      title={t('diagnostics.preview.title')}
      open={open}
      onToggle={onToggle}
      toggleRef={toggleRef}
    >
      <p className="field-help">{t('diagnostics.preview.help')}</p>
      <form className="diag-preview-form" noValidate onSubmit={(event) => void show(event)}>
        <SelectField
          id="diag-operation"
          label={t('diagnostics.preview.operation')}
          value={operation}
          onChange={(value) => {
            if (isOperation(value)) setOperation(value);
          }}
          options={LOCK_OPERATIONS.map((op) => ({ value: op, label: t(`diagnostics.preview.operation.${op}`) }))}
        />
        {needsLockId ? (
          <TextField
            id="diag-lock-id"
            label={t('diagnostics.preview.lockId')}
            value={lockId}
            onChange={setLockId}
            problem={lockProblem}
            placeholder={t('lockForm.lockIdPlaceholder')}
            mono
          />
        ) : (
          <SelectField
            id="diag-module"
            label={t('diagnostics.preview.module')}
            value={moduleCode}
            onChange={setModuleCode}
            options={moduleOptions(profile.moduleCode)}
          />
        )}
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {t('diagnostics.preview.show')}
          </button>
          <span className="copy-note" role="status">
            {busy ? t('diagnostics.preview.building') : ''}
          </span>
        </div>
      </form>
      {error && <ErrorAlert error={error} />}
      {shown && (
        <DiagnosticsRequestView
          preview={shown.preview}
          clockOffsetMs={shown.clockOffsetMs}
          extraCa={Boolean(profile.caPem)}
        />
      )}
    </DiagnosticsSection>
  );
}
