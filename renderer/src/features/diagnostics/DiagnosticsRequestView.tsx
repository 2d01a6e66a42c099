import type { RequestPreview } from '../../../../shared/diagnostics';
import { useCopyText } from '../../components/useCopyText';
import { t } from '../../i18n';
import { offsetSeconds } from './diagnosticsClockOffset';

export interface DiagnosticsRequestViewProps {
  preview: RequestPreview;
  /** The offset the request was signed with, if any. */
  clockOffsetMs?: number;
  /** The profile trusts an extra CA (the cURL command then reads KOODRIVE_CA_FILE). */
  extraCa: boolean;
}

/** The previewed request: request line, headers, body, the signing strings (app auth) and the cURL command. */
export function DiagnosticsRequestView({ preview, clockOffsetMs, extraCa }: DiagnosticsRequestViewProps) {
  const { state: copyState, copy } = useCopyText();
  const app = preview.canonicalRequest !== null;
  return (
    <div className="diag-request">
      <h3 className="subheading">{t('diagnostics.preview.requestLine')}</h3>
      <pre className="diag-code" aria-label={t('diagnostics.preview.requestLine')}>
        {`${preview.method} ${preview.url}`}
      </pre>
      {clockOffsetMs !== undefined && (
        <p className="field-note field-note--warning">
          {t('diagnostics.preview.offset', { seconds: offsetSeconds(clockOffsetMs) })}
        </p>
      )}

      <h3 className="subheading">{t('diagnostics.preview.headers')}</h3>
      <div className="diag-table-wrap">
        <table className="diag-table" aria-label={t('diagnostics.preview.headers')}>
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.preview.headerName')}</th>
              <th scope="col">{t('diagnostics.preview.headerValue')}</th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(preview.headers).map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="mono">
                  {name}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3 className="subheading">{t('diagnostics.preview.body')}</h3>
      {preview.body === null ? (
        <p className="field-help">{t('diagnostics.preview.noBody')}</p>
      ) : (
        <pre className="diag-code" aria-label={t('diagnostics.preview.body')}>
          {preview.body}
        </pre>
      )}

      {app && (
        <>
          <h3 className="subheading">{t('diagnostics.preview.canonical')}</h3>
          <p className="field-help">{t('diagnostics.preview.canonical.help')}</p>
          <pre className="diag-code" aria-label={t('diagnostics.preview.canonical')}>
            {preview.canonicalRequest}
          </pre>
          <h3 className="subheading">{t('diagnostics.preview.stringToSign')}</h3>
          <pre className="diag-code" aria-label={t('diagnostics.preview.stringToSign')}>
            {preview.stringToSign}
          </pre>
        </>
      )}

      <h3 className="subheading">{t('diagnostics.preview.curl')}</h3>
      <p className="field-help">
        {t(app ? 'diagnostics.preview.curl.app' : 'diagnostics.preview.curl.bearer')}
        {extraCa && ` ${t('diagnostics.preview.curl.ca')}`}
      </p>
      <pre className="diag-code" aria-label={t('diagnostics.preview.curl')}>
        {preview.curl}
      </pre>
      <details className="diag-powershell">
        <summary>{t('diagnostics.preview.powershell')}</summary>
        <p className="field-help">{t('diagnostics.preview.powershell.help')}</p>
        <pre className="diag-code" aria-label={t('diagnostics.preview.powershell')}>
          {preview.powershell}
        </pre>
        <button type="button" className="button" onClick={() => void copy(preview.powershell)}>
          {t('diagnostics.preview.copyPowershell')}
        </button>
      </details>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copy(preview.curl)}>
          {t('diagnostics.preview.copy')}
        </button>
        <span className="copy-note" role="status">
          {copyState === 'copied'
            ? t('diagnostics.preview.copied')
            : copyState === 'failed'
              ? t('diagnostics.preview.copyFailed')
              : ''}
        </span>
      </div>
    </div>
  );
}
