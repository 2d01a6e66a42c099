import type { BatchInputProblem } from '../../../../shared/batchInput';
import { messageText, t, tCount } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';

const SHOWN = 100;

/** The lines that are left out of the batch, with their line number and what is wrong. */
export function BatchInvalidList({ invalid }: { invalid: readonly BatchInputProblem[] }) {
  const count = invalid.length;
  const params = { count: formatCount(count) };
  return (
    <section className="batch-invalid" aria-labelledby="batch-invalid-title">
      <h3 id="batch-invalid-title" className="subheading batch-invalid-title">
        {tCount('batch.invalid.title', count, params)}
      </h3>
      <div className="batch-table-wrap batch-invalid-wrap">
        <table className="batch-table" aria-labelledby="batch-invalid-title">
          <thead>
            <tr>
              <th scope="col" className="batch-col-num">
                {t('batch.invalid.line')}
              </th>
              <th scope="col">{t('batch.invalid.text')}</th>
              <th scope="col">{t('batch.invalid.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {invalid.slice(0, SHOWN).map((problem, index) => (
              <tr key={`${problem.line}-${index}`}>
                <td className="batch-col-num">{problem.line}</td>
                <td className="mono">{problem.text}</td>
                <td>{messageText(problem.problemMessage, problem.problem)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {count > SHOWN && <p className="field-help">{t('batch.invalid.more', { count: formatCount(count - SHOWN) })}</p>}
    </section>
  );
}
