import type { Notice } from '../../../../shared/contract/app.ts';
import './notices.css';

interface Props {
  notices: Notice[];
  onDismiss: (id: string) => void;
}

/** Things the user must be told once (a settings file moved aside, a database restored). */
export function NoticeBanners({ notices, onDismiss }: Props) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice--${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <p className="notice__message">{notice.message}</p>
          <button type="button" className="button button--quiet notice__dismiss" onClick={() => onDismiss(notice.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
