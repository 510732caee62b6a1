import { useApi } from '../../app/services.tsx';
import { useTransferJob } from './transferJobs.ts';

function percent(value: number, total: number | undefined): number | undefined {
  return total ? Math.min(100, Math.round((value / total) * 100)) : undefined;
}

/** The running export or import: a progress bar with what is done so far, and Cancel. */
export function TransferProgress() {
  const api = useApi();
  const job = useTransferJob();
  if (!job) return null;
  const progress = job.progress;
  const importing = job.kind === 'import';
  const done = progress?.conversations ?? 0;
  const share = importing ? percent(progress?.bytes ?? 0, progress?.totalBytes) : percent(done, progress?.totalConversations);
  const label = importing
    ? `Importing… ${done.toLocaleString('en')} conversations`
    : `Exporting… ${done.toLocaleString('en')}${progress?.totalConversations ? ` of ${progress.totalConversations.toLocaleString('en')}` : ''} conversations`;
  return (
    <div className="transfer-progress" role="group" aria-label={importing ? 'Import progress' : 'Export progress'}>
      <span className="transfer-progress__label" id={`transfer-${job.jobId}`} title={job.fileName}>
        {label}
      </span>
      <progress className="transfer-progress__bar" aria-labelledby={`transfer-${job.jobId}`} max={100} {...(share === undefined ? {} : { value: share })} />
      <button type="button" className="button button--quiet transfer-progress__cancel" onClick={() => void api.conversations.cancelTransfer({ jobId: job.jobId })}>
        Cancel
      </button>
    </div>
  );
}
