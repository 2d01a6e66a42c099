import { type ChangeEvent, type Ref, useRef, useState } from 'react';
import { certificateFileToPem } from '../../../../shared/certificateFile';
import { t } from '../../i18n';
import type { NetworkField, NetworkProblemTexts } from './profileNetwork';
import { TextField } from '../../components/TextField';
import './profileNetwork.css';

/** The schema's limit for caPem; a CA certificate is a few kilobytes. */
const MAX_PEM_BYTES = 262_144;

export interface ProfileNetworkFieldsProps {
  proxyUrl: string;
  caPem: string;
  onChange: (field: NetworkField, value: string) => void;
  onBlur: (field: NetworkField) => void;
  /** Problems to show now (already filtered to touched fields or a submitted form). */
  problems: NetworkProblemTexts;
  proxyRef?: Ref<HTMLInputElement>;
  caRef?: Ref<HTMLTextAreaElement>;
}

/** The profile's HTTP proxy and extra CA certificate (in the editor's "Advanced" section). */
export function ProfileNetworkFields({
  proxyUrl,
  caPem,
  onChange,
  onBlur,
  problems,
  proxyRef,
  caRef,
}: ProfileNetworkFieldsProps) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileNote, setFileNote] = useState<{ text: string; problem: boolean } | null>(null);

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_PEM_BYTES) {
      setFileNote({ text: t('profile.caPem.fileTooLarge', { name: file.name }), problem: true });
      return;
    }
    try {
      // PEM as it is; a DER certificate (Windows' default export) becomes PEM.
      const bytes = new Uint8Array(await file.arrayBuffer());
      onChange('caPem', certificateFileToPem(bytes) ?? (await file.text()).trim());
      onBlur('caPem');
      setFileNote({ text: t('profile.caPem.fileLoaded', { name: file.name }), problem: false });
    } catch {
      setFileNote({ text: t('profile.caPem.fileUnreadable', { name: file.name }), problem: true });
    }
  }

  const caNoteId = 'profile-caPem-note';
  const caHelpId = 'profile-caPem-help';
  const caDescribedBy = [problems.caPem ? caNoteId : null, caHelpId].filter(Boolean).join(' ');

  return (
    <>
      <TextField
        id="profile-proxyUrl"
        label={t('profile.proxyUrl')}
        value={proxyUrl}
        onChange={(value) => onChange('proxyUrl', value)}
        onBlur={() => onBlur('proxyUrl')}
        problem={problems.proxyUrl}
        help={t('profile.proxyUrl.help')}
        type="url"
        inputMode="url"
        placeholder="http://proxy.example.com:3128"
        mono
        inputRef={proxyRef}
      />
      <div className="field">
        <div className="field-label-row">
          <label className="field-label" htmlFor="profile-caPem">
            {t('profile.caPem')}
          </label>
          <button
            type="button"
            className="button button--quiet button--small"
            onClick={() => fileInput.current?.click()}
          >
            {t('profile.caPem.load')}
          </button>
          {caPem !== '' && (
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => {
                onChange('caPem', '');
                setFileNote(null);
              }}
            >
              {t('profile.caPem.remove')}
            </button>
          )}
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".pem,.crt,.cer,.der,application/x-pem-file,application/x-x509-ca-cert"
          aria-label={t('profile.caPem.load')}
          hidden
          onChange={(event) => void loadFile(event)}
        />
        <textarea
          id="profile-caPem"
          ref={caRef}
          className="input input--mono network-pem"
          value={caPem}
          onChange={(event) => onChange('caPem', event.target.value)}
          onBlur={() => onBlur('caPem')}
          rows={6}
          spellCheck={false}
          autoComplete="off"
          placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----'}
          aria-invalid={problems.caPem ? true : undefined}
          aria-describedby={caDescribedBy}
        />
        {problems.caPem && (
          <p id={caNoteId} className="field-note field-note--problem">
            {problems.caPem}
          </p>
        )}
        <p className={fileNote?.problem ? 'field-note field-note--problem' : 'field-help'} role="status">
          {fileNote?.text ?? ''}
        </p>
        <p id={caHelpId} className="field-help">
          {t('profile.caPem.help')}
        </p>
      </div>
    </>
  );
}
