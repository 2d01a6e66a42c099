import { useState } from 'react';
import { useCopyText } from '../../components/useCopyText';
import { t, tCount } from '../../i18n';
import { downloadCsv, timestampedCsvName } from '../../lib/csvDownload';
import { formatCount } from '../../lib/numberFormat';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReadFailure } from './ReadFailure';
import { filesToCsv } from './recordsCsv';
import { exactSizeText, shortSha, sizeText } from './recordText';
import { type RecordFilesTarget, useRecordFiles } from './useRecordFiles';

/** A record's files, a page at a time ("Load more"), with copy of each SHA-256 and CSV export. Key it per record. */
export function RecordFiles({ target }: { target: RecordFilesTarget }) {
  const files = useRecordFiles(target);
  const { state: copyState, copy } = useCopyText();
  const [exportNote, setExportNote] = useState('');
  const count = files.files.length;
  const more = files.nextCursor !== null;
  const countText = !files.started
    ? t('inspect.files.loading')
    : more
      ? t('inspect.files.countMore', { count: formatCount(count) })
      : tCount('inspect.files.count', count, { count: formatCount(count) });

  function exportCsv() {
    const name = timestampedCsvName(`koodrive-record-${target.recordId}-files`);
    downloadCsv(name, filesToCsv(files.files));
    setExportNote(
      t(more ? 'inspect.files.exportedPartial' : 'inspect.files.exported', { name, count: formatCount(count) }),
    );
  }

  return (
    <section className="inspect-files" aria-labelledby="inspect-files-title">
      <div className="inspect-toolbar">
        <h3 id="inspect-files-title" className="subheading">
          {t('inspect.files.title')}
        </h3>
        <span className="inspect-count" aria-live="polite">
          {countText}
        </span>
        <span className="copy-note" role="status">
          {copyState === 'copied'
            ? t('inspect.sha.copied')
            : copyState === 'failed'
              ? t('result.copyFailed')
              : exportNote}
        </span>
        <span className="actions-spacer" />
        <button type="button" className="button" onClick={exportCsv} disabled={count === 0}>
          {t('inspect.files.export')}
        </button>
      </div>
      {files.error && <ErrorAlert error={files.error} />}
      {files.failure && (
        <ReadFailure
          outcome={files.failure}
          headingLevel={3}
          note={count > 0 ? t('inspect.files.incomplete', { count: formatCount(count) }) : undefined}
        />
      )}
      {files.started && count === 0 && !files.failure && !files.error && (
        <p className="inspect-empty">{t('inspect.files.none')}</p>
      )}
      {count > 0 && (
        <div className="inspect-table-wrap">
          <table className="inspect-table">
            <caption className="visually-hidden">{t('inspect.files.caption', { recordId: target.recordId })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inspect.files.col.name')}</th>
                <th scope="col" className="inspect-num">
                  {t('inspect.files.col.size')}
                </th>
                <th scope="col">{t('inspect.files.col.sha256')}</th>
                <th scope="col">{t('inspect.files.col.mimeType')}</th>
              </tr>
            </thead>
            <tbody>
              {files.files.map((file) => (
                <tr key={file.fileId}>
                  <td className="inspect-file-name" title={file.fileName}>
                    {file.fileName}
                  </td>
                  <td className="inspect-num" title={exactSizeText(file.size)}>
                    {sizeText(file.size)}
                  </td>
                  <td>
                    <span className="inspect-sha">
                      <span className="mono" title={file.sha256 ?? undefined}>
                        {shortSha(file.sha256)}
                      </span>
                      {file.sha256 && (
                        <button
                          type="button"
                          className="button button--quiet button--small"
                          aria-label={t('inspect.sha.copyFor', { name: file.fileName })}
                          onClick={() => void copy(file.sha256 ?? '')}
                        >
                          {t('inspect.sha.copy')}
                        </button>
                      )}
                    </span>
                  </td>
                  <td className="mono">{file.mimeType ?? t('result.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(more || files.failure || files.error || files.loading) && (
        <div className="actions">
          <button type="button" className="button" onClick={files.loadMore} disabled={files.loading}>
            {files.loading
              ? t('inspect.files.loadingMore')
              : files.failure || files.error
                ? t('inspect.files.retry')
                : t('inspect.files.loadMore')}
          </button>
        </div>
      )}
    </section>
  );
}
