import { type ChangeEvent, type FormEvent, type ReactNode, useRef, useState } from 'react';
import { BATCH_MAX_CONCURRENCY, BATCH_MAX_LOCKS } from '../../../../shared/batch';
import type { BatchInput as ParsedBatchInput } from '../../../../shared/batchInput';
import type { Profile } from '../../../../shared/profile';
import { messageText, t, tCount } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import { batchInputSummary } from './batchInputText';
import type { BatchPlan } from './batchRows';
import { BatchInvalidList } from './BatchInvalidList';
import { TextField } from '../../components/TextField';
import { UserIdField } from '../../components/UserIdField';

const MAX_FILE_MB = 20;

export interface BatchInputProps {
  /** The profile picker, shown first in the form. */
  header: ReactNode;
  profile: Profile;
  text: string;
  onTextChange: (text: string) => void;
  parsed: ParsedBatchInput;
  plan: BatchPlan;
  allowUnusual: boolean;
  onAllowUnusualChange: (allow: boolean) => void;
  batchUserText: string;
  onBatchUserChange: (text: string) => void;
  skipInvalid: boolean;
  onSkipInvalidChange: (skip: boolean) => void;
  concurrencyText: string;
  onConcurrencyChange: (text: string) => void;
  concurrencyProblem: string | null;
  busy: boolean;
  onSubmit: () => void;
}

/** Why the batch cannot start yet, or null when it can. */
export function batchBlocker(plan: BatchPlan, skipInvalid: boolean): string | null {
  if (plan.batchUserProblem) return null;
  if (plan.withoutUser > 0) {
    return tCount('batch.user.needed', plan.withoutUser, {
      count: formatCount(plan.withoutUser),
    });
  }
  if (plan.invalid.length > 0 && !skipInvalid) {
    return tCount('batch.invalid.blocks', plan.invalid.length, {
      count: formatCount(plan.invalid.length),
    });
  }
  return null;
}

function countLine(plan: BatchPlan): string {
  const count = plan.rows.length;
  if (count === 0) return t('batch.count.empty');
  const params = { count: formatCount(count), users: formatCount(plan.users) };
  if (plan.users <= 1) return tCount('batch.count', count, params);
  return t('batch.count.users', params);
}

/** Pasted or imported (user, lock) rows, checked as they are typed: what will be sent, and what is not. */
export function BatchInput({
  header,
  profile,
  text,
  onTextChange,
  parsed,
  plan,
  allowUnusual,
  onAllowUnusualChange,
  batchUserText,
  onBatchUserChange,
  skipInvalid,
  onSkipInvalidChange,
  concurrencyText,
  onConcurrencyChange,
  concurrencyProblem,
  busy,
  onSubmit,
}: BatchInputProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileNote, setFileNote] = useState<{ text: string; problem: boolean } | null>(null);
  const [attempted, setAttempted] = useState(false);
  const count = plan.rows.length;
  const tooMany = count > BATCH_MAX_LOCKS;
  const blocker = batchBlocker(plan, skipInvalid);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_MB * 1024 * 1024) {
      setFileNote({ text: t('batch.importTooLarge', { name: file.name, size: MAX_FILE_MB }), problem: true });
      return;
    }
    try {
      onTextChange(await file.text());
      setFileNote({ text: t('batch.imported', { name: file.name }), problem: false });
    } catch {
      setFileNote({ text: t('batch.importFailed', { name: file.name }), problem: true });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    onSubmit();
  }

  const summary = text.trim() === '' ? '' : batchInputSummary(parsed);

  return (
    <form className="panel form" noValidate aria-label={t('batch.formLabel')} onSubmit={submit}>
      {header}
      <div className="field">
        <div className="field-label-row">
          <label className="field-label" htmlFor="batch-ids">
            {t('batch.ids')}
          </label>
          <button
            type="button"
            className="button button--small"
            onClick={() => fileInput.current?.click()}
            disabled={busy}
          >
            {t('batch.import')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => {
              onTextChange('');
              setFileNote(null);
            }}
            disabled={busy || text === ''}
          >
            {t('batch.clear')}
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.csv,.tsv,text/plain,text/csv"
          aria-label={t('batch.importFile')}
          hidden
          onChange={(event) => void importFile(event)}
        />
        <textarea
          id="batch-ids"
          className="input input--mono batch-ids"
          value={text}
          onChange={(event) => onTextChange(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          rows={8}
          placeholder={
            'userId,lockId\n1505084218764547200,78e41c7e-db02-4d55-85b3-8153e4fefd2e@102\n1505084218764547201,1f7126e9-bdc9-4683-938e-4869f15d412e@100'
          }
          aria-describedby="batch-ids-count batch-ids-summary batch-ids-help"
          aria-invalid={tooMany || parsed.binary ? true : undefined}
        />
        <p id="batch-ids-count" className="batch-count" role="status">
          <span className="strong">{countLine(plan)}</span>
        </p>
        <p id="batch-ids-summary" className="field-help batch-summary">
          {summary}
        </p>
        {tooMany && (
          <p className="field-note field-note--problem">
            {t('batch.tooMany', { max: formatCount(BATCH_MAX_LOCKS), count: formatCount(count) })}
          </p>
        )}
        {fileNote && (
          <p className={fileNote.problem ? 'field-note field-note--problem' : 'field-help'}>{fileNote.text}</p>
        )}
        <p id="batch-ids-help" className="field-help">
          {t('batch.ids.help')}
        </p>
        <label className="batch-check">
          <input
            type="checkbox"
            checked={allowUnusual}
            onChange={(event) => onAllowUnusualChange(event.target.checked)}
            aria-describedby="batch-unusual-help"
          />
          {t('batch.unusual.allow')}
        </label>
        <p id="batch-unusual-help" className="field-help">
          {parsed.unusual.length > 0
            ? tCount('batch.unusual', parsed.unusual.length, {
                count: formatCount(parsed.unusual.length),
              })
            : t('batch.unusual.help')}
        </p>
      </div>
      <div className="batch-user">
        <UserIdField
          id="batch-user-id"
          profile={profile}
          label={t('batch.user.label')}
          value={batchUserText}
          onChange={onBatchUserChange}
          problem={plan.batchUserProblem && messageText(plan.batchUserProblemMessage, plan.batchUserProblem)}
          attempted={attempted}
          help={
            profile.userId ? t('batch.user.helpDefault', { userId: profile.userId }) : t('batch.user.helpNoDefault')
          }
          placeholder={profile.userId ?? ''}
        />
      </div>
      {plan.invalid.length > 0 && (
        <>
          <BatchInvalidList invalid={plan.invalid} />
          <label className="batch-check">
            <input
              type="checkbox"
              checked={skipInvalid}
              onChange={(event) => onSkipInvalidChange(event.target.checked)}
            />
            {tCount('batch.invalid.skip', plan.invalid.length, {
              count: formatCount(plan.invalid.length),
            })}
          </label>
        </>
      )}
      <div className="batch-concurrency">
        <TextField
          id="batch-concurrency"
          label={t('batch.concurrency')}
          value={concurrencyText}
          onChange={onConcurrencyChange}
          inputMode="numeric"
          problem={concurrencyProblem ?? undefined}
          help={t('batch.concurrency.help', { max: BATCH_MAX_CONCURRENCY })}
        />
      </div>
      {blocker && (count > 0 || plan.withoutUser > 0) && (
        <p className="field-note field-note--problem" role="status">
          {blocker}
        </p>
      )}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={
            busy ||
            count === 0 ||
            tooMany ||
            concurrencyProblem !== null ||
            blocker !== null ||
            plan.batchUserProblem !== null
          }
        >
          {tCount('batch.start', count, { count: formatCount(count) })}
        </button>
      </div>
    </form>
  );
}
