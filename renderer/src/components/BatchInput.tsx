import { type ChangeEvent, type FormEvent, type ReactNode, useRef, useState } from 'react';
import { BATCH_MAX_CONCURRENCY, BATCH_MAX_LOCKS } from '../../../shared/batch';
import type { BatchInput as ParsedBatchInput } from '../../../shared/batchInput';
import { t } from '../i18n';
import { formatCount } from '../lib/batchFormat';
import { BatchInvalidList } from './BatchInvalidList';
import { TextField } from './TextField';

const MAX_FILE_MB = 20;

export interface BatchInputProps {
  /** The profile picker, shown first in the form. */
  header: ReactNode;
  text: string;
  onTextChange: (text: string) => void;
  list: ParsedBatchInput;
  concurrencyText: string;
  onConcurrencyChange: (text: string) => void;
  concurrencyProblem: string | null;
  busy: boolean;
  onSubmit: () => void;
}

function countLine(list: ParsedBatchInput): string {
  const count = list.rows.length;
  if (count === 0) return t('batch.count.empty');
  return t(count === 1 ? 'batch.count.one' : 'batch.count.other', { count: formatCount(count) });
}

/** Pasted or imported lock IDs, checked as they are typed: what will be sent, and what is left out. */
export function BatchInput({
  header,
  text,
  onTextChange,
  list,
  concurrencyText,
  onConcurrencyChange,
  concurrencyProblem,
  busy,
  onSubmit,
}: BatchInputProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileNote, setFileNote] = useState<{ text: string; problem: boolean } | null>(null);
  const count = list.rows.length;
  const tooMany = count > BATCH_MAX_LOCKS;

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
    onSubmit();
  }

  const notes: string[] = [];
  if (list.duplicates > 0) {
    notes.push(
      t(list.duplicates === 1 ? 'batch.duplicates.one' : 'batch.duplicates.other', {
        count: formatCount(list.duplicates),
      }),
    );
  }
  if (list.unusual.length > 0) {
    notes.push(
      t(list.unusual.length === 1 ? 'batch.unusual.one' : 'batch.unusual.other', {
        count: formatCount(list.unusual.length),
      }),
    );
  }

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
          placeholder={'78e41c7e-db02-4d55-85b3-8153e4fefd2e@102\n1f7126e9-bdc9-4683-938e-4869f15d412e@100'}
          aria-describedby="batch-ids-count batch-ids-help"
          aria-invalid={tooMany ? true : undefined}
        />
        <p id="batch-ids-count" className="batch-count" role="status">
          <span className="strong">{countLine(list)}</span> {notes.join(' ')}
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
      </div>
      {list.invalid.length > 0 && <BatchInvalidList invalid={list.invalid} />}
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
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || count === 0 || tooMany || concurrencyProblem !== null}
        >
          {t(count === 1 ? 'batch.start.one' : 'batch.start.other', { count: formatCount(count) })}
        </button>
      </div>
    </form>
  );
}
