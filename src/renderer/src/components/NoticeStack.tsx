import { useEffect } from 'react';
import { useUi, type Notice } from '../stores/ui-store';

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useUi((s) => s.dismiss);
  useEffect(() => {
    // Errors stay until read; information fades on its own.
    if (notice.tone === 'error') return;
    const t = setTimeout(() => dismiss(notice.id), 8000);
    return () => clearTimeout(t);
  }, [notice, dismiss]);
  return (
    // The live role sits on the text, not the <li>: a list may only hold list items (axe, serious).
    <li className={`notice notice-${notice.tone}`}>
      <span role={notice.tone === 'error' ? 'alert' : 'status'}>{notice.text}</span>
      <button type="button" className="icon-button" aria-label="Dismiss notice" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </li>
  );
}

/** Alerts fired, notices from main and action results, newest last. */
export function NoticeStack() {
  const notices = useUi((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <ul className="notice-stack" aria-label="Notices">
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </ul>
  );
}
