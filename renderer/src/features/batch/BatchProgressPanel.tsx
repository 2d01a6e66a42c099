import { type Ref, useLayoutEffect, useRef } from 'react';
import type { BatchPacing } from '../../../../shared/batch';
import { t } from '../../i18n';
import { formatCount } from '../../lib/numberFormat';
import { formatEta, formatRate } from './progressFormat';
import type { BatchRunState } from './batchRun';
import { displayTime } from '../settings/displayTime';
import { useTimeZoneChoice } from '../settings/settingsStore';
import './outcomes.css';
import './batchInputSummary.css';

export interface BatchProgressPanelProps {
  run: BatchRunState;
  onCancel: () => void;
  /** The panel, which takes focus when a batch starts. */
  panelRef?: Ref<HTMLElement>;
}

interface Counts {
  done: number;
  released: number;
  gone: number;
  retryable: number;
  needsFix: number;
  remaining: number;
}

function countsOf(run: BatchRunState): Counts {
  const done = run.progress?.done ?? 0;
  const { outcomes } = run;
  const remaining = run.phase === 'finished' ? 0 : Math.max(0, run.total - done - run.notSent);
  return {
    done,
    released: outcomes.released,
    gone: outcomes['already-gone'],
    retryable: outcomes.retryable,
    needsFix: outcomes['needs-fix'],
    remaining,
  };
}

function headline(run: BatchRunState, counts: Counts): string {
  const request = run.request;
  if (run.phase === 'starting') return t('batch.progress.starting');
  if (run.phase === 'running') {
    if (run.cancelling || run.cancelled) return t('batch.progress.cancelling');
    return t('batch.progress.running', {
      total: formatCount(run.total),
      host: request?.host ?? '',
      profile: request?.profileName ?? '',
    });
  }
  const params = {
    released: formatCount(counts.released),
    gone: formatCount(counts.gone),
    retryable: formatCount(counts.retryable),
    needsFix: formatCount(counts.needsFix),
    notSent: formatCount(run.notSent),
  };
  if (run.paused) {
    return t('batch.progress.paused', { ...params, failures: formatCount(run.paused.connectionFailures) });
  }
  if (run.stopError) return t('batch.progress.stopped', params);
  if (run.cancelled) return t('batch.progress.cancelled', params);
  return t('batch.progress.finished', params);
}

interface BarParts {
  total: number;
  released: number;
  gone: number;
  failed: number;
}

/** A bar in three colours (released, already gone, failed); widths are set through CSS properties, never inline styles. */
function ProgressBar({ total, released, gone, failed }: BarParts) {
  const bar = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = bar.current;
    if (!element) return;
    const share = (count: number) => String(total > 0 ? count / total : 0);
    element.style.setProperty('--batch-released', share(released));
    element.style.setProperty('--batch-gone', share(gone));
    element.style.setProperty('--batch-failed', share(failed));
  }, [total, released, gone, failed]);
  const done = released + gone + failed;
  return (
    <div
      ref={bar}
      className="batch-bar"
      role="progressbar"
      aria-label={t('batch.progress.label')}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={t('batch.progress.valueText', { done: formatCount(done), total: formatCount(total) })}
    >
      <div className="batch-bar-released" />
      <div className="batch-bar-gone" />
      <div className="batch-bar-failed" />
    </div>
  );
}

/** "waiting for the server: 37 throttled, resuming in 0.8 s", or how many were throttled. */
function serverPace(pacing: BatchPacing): string {
  const throttled = formatCount(pacing.throttled);
  if (pacing.waiting === 0 || pacing.resumeInSec === null) return t('batch.progress.throttled', { throttled });
  return t('batch.progress.waiting', { throttled, seconds: pacing.resumeInSec.toFixed(1) });
}

export function BatchProgressPanel({ run, onCancel, panelRef }: BatchProgressPanelProps) {
  const counts = countsOf(run);
  const running = run.phase === 'running' || run.phase === 'starting';
  const stopping = run.cancelling || run.cancelled;
  const timeZone = useTimeZoneChoice();
  /** key, label, value, and the hover text of a time. */
  const facts: Array<[string, string, string, string?]> = [
    ['done', t('batch.progress.done'), formatCount(counts.done)],
    ['released', t('batch.progress.released'), formatCount(counts.released)],
    ['gone', t('batch.outcome.already-gone'), formatCount(counts.gone)],
    ['retryable', t('batch.outcome.retryable'), formatCount(counts.retryable)],
    ['failed', t('batch.outcome.needs-fix'), formatCount(counts.needsFix)],
    running
      ? ['remaining', t('batch.progress.remaining'), formatCount(counts.remaining)]
      : ['not-sent', t('batch.progress.notSent'), formatCount(run.notSent)],
  ];
  if (running && run.progress) {
    facts.push(['rate', t('batch.progress.rate'), formatRate(run.progress.ratePerSec)]);
    if (!stopping) facts.push(['eta', t('batch.progress.eta'), formatEta(run.progress.etaSec)]);
    const pacing = run.progress.pacing;
    if (pacing && pacing.throttled > 0) facts.push(['server', t('batch.progress.server'), serverPace(pacing)]);
  }
  if (run.startedAt > 0) {
    const started = displayTime(new Date(run.startedAt), timeZone);
    facts.push(['started', t('batch.progress.startedAt'), started.text, started.title]);
  }
  if (run.finishedAt !== null) {
    const finished = displayTime(new Date(run.finishedAt), timeZone);
    facts.push(['finished', t('batch.progress.finishedAt'), finished.text, finished.title]);
  }
  const elapsed =
    run.finishedAt !== null
      ? t('batch.progress.elapsed', { seconds: ((run.finishedAt - run.startedAt) / 1000).toFixed(1) })
      : '';

  return (
    <section
      ref={panelRef}
      className="panel batch-progress batch-progress--focusable"
      aria-labelledby="batch-progress-title"
      aria-busy={running}
      tabIndex={-1}
    >
      <div className="batch-progress-head">
        <h2 id="batch-progress-title" className="panel-title">
          {t('batch.progress.title')}
        </h2>
        {running && (
          <button type="button" className="button" onClick={onCancel} disabled={stopping || run.phase === 'starting'}>
            {stopping ? t('batch.cancelling') : t('batch.cancel')}
          </button>
        )}
      </div>
      <p className="batch-headline" role="status">
        {running && <span className="spinner" aria-hidden="true" />}
        <span>
          {headline(run, counts)} {elapsed}
        </span>
      </p>
      <ProgressBar
        total={run.total}
        released={counts.released}
        gone={counts.gone}
        failed={counts.retryable + counts.needsFix + run.outcomes.cancelled}
      />
      <dl className="batch-facts">
        {facts.map(([key, label, value, title]) => (
          <div className={`batch-fact batch-fact--${key}`} key={key}>
            <dt>{label}</dt>
            <dd title={title}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
