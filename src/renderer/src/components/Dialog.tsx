import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useEscape } from '../keyboard';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'alertdialog' for confirmations that need an answer. */
  role?: 'dialog' | 'alertdialog';
  /** A side drawer rather than a centred dialog. */
  drawer?: boolean;
  footer?: ReactNode;
}

/** Modal surface: labelled by its title, focus moved inside on open (see below) and restored on close, Esc closes. */
export function Dialog({ title, onClose, children, role = 'dialog', drawer = false, footer }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEscape(onClose);

  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    // The marked control, else the first field of the body, else the dialog itself — never the ×
    // (first in document order): a space typed into a dialog must not close it and lose the text.
    const el = box.current;
    const first =
      el?.querySelector<HTMLElement>('[data-autofocus]') ??
      el?.querySelector<HTMLElement>('.dialog-body :is(input, textarea, select):not([disabled])');
    (first ?? el)?.focus();
    return () => before?.focus?.();
  }, []);

  return (
    <div className={drawer ? 'overlay overlay-drawer' : 'overlay'} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={drawer ? 'drawer' : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
      >
        <header className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer && <footer className="dialog-foot">{footer}</footer>}
      </div>
    </div>
  );
}
