import { useEffect, useRef } from 'react';
import { RESULT_KINDS, type ResultKind } from '../../../../shared/result';
import { t } from '../../i18n';

export interface HelpGlossaryProps {
  /** The kind shown unfolded. */
  openKind: ResultKind | null;
  /** Focus the unfolded kind's title when the glossary appears (it replaced the button that had focus). */
  focusOpenKind: boolean;
}

/** Every result kind, each folded under its title: likely cause, how to confirm it, the fix. */
export function HelpGlossary({ openKind, focusOpenKind }: HelpGlossaryProps) {
  const openSummary = useRef<HTMLElement>(null);
  useEffect(() => {
    if (focusOpenKind) openSummary.current?.focus();
  }, [focusOpenKind]);

  return (
    <ul className="help-glossary">
      {RESULT_KINDS.map((kind) => (
        <li key={kind}>
          <details className="help-glossary-item" open={kind === openKind}>
            <summary ref={kind === openKind ? openSummary : undefined} className="help-glossary-summary">
              {t(`help.kind.${kind}.title`)}
            </summary>
            <KindSections kind={kind} />
          </details>
        </li>
      ))}
    </ul>
  );
}

/** A result kind's three paragraphs. */
export function KindSections({ kind }: { kind: ResultKind }) {
  const sections = [
    ['cause', t('help.cause'), t(`help.kind.${kind}.cause`)],
    ['confirm', t('help.confirm'), t(`help.kind.${kind}.confirm`)],
    ['fix', t('help.fix'), t(`help.kind.${kind}.fix`)],
  ] as const;
  return (
    <div className="help-sections">
      {sections.map(([key, heading, text]) => (
        <section key={key} className="help-section">
          <h3 className="subheading">{heading}</h3>
          <p>{text}</p>
        </section>
      ))}
    </div>
  );
}
