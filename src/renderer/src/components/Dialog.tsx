import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useEscape } from '../keyboard';

/** What Tab can land on inside a dialog (disabled and hidden controls are skipped by the browser too). */
const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside the dialog: from the last control it wraps to the first, Shift+Tab from the first
 * (or from the dialog itself) to the last. aria-modal alone does not stop the browser's Tab order.
 */
export function trapTab(e: KeyboardEvent<HTMLElement>, box: HTMLElement): void {
  if (e.key !== 'Tab') return;
  const stops = [...box.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => !el.closest('[hidden], [inert]'));
  if (stops.length === 0) {
    e.preventDefault();
    box.focus();
    return;
  }
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || at === box || !box.contains(at))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || !box.contains(at))) {
    e.preventDefault();
    first.focus();
  }
}

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** 'alertdialog' for confirmations that need an answer. */
  role?: 'dialog' | 'alertdialog';
  /** A side drawer rather than a centred dialog. */
  drawer?: boolean;
  footer?: ReactNode;
  /** Ctrl+Enter (Cmd+Enter on macOS) anywhere in the dialog: the dialog's main action, e.g. Send. */
  onSubmit?: () => void;
  /**
   * Changes when the dialog swaps its content (e.g. compose → review): the focus moves to the new
   * content's first control, since the focused field was just removed and focus would fall out to the page.
   */
  step?: string;
}

/**
 * Modal surface: labelled by its title, focus moved inside on open (see below) and restored on close,
 * Tab kept inside, Esc closes, Ctrl/Cmd+Enter runs onSubmit when given.
 */
export function Dialog({ title, onClose, children, role = 'dialog', drawer = false, footer, onSubmit, step }: DialogProps) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEscape(onClose);

  // The marked control, else the first field of the body, else the dialog itself — never the ×
  // (first in document order): a space typed into a dialog must not close it and lose the text.
  const focusFirst = () => {
    const el = box.current;
    const first =
      el?.querySelector<HTMLElement>('[data-autofocus]') ??
      el?.querySelector<HTMLElement>('.dialog-body :is(input, textarea, select):not([disabled])');
    (first ?? el)?.focus();
  };
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    focusFirst();
    return () => before?.focus?.();
  }, []);
  const firstStep = useRef(true);
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    focusFirst();
  }, [step]);

  return (
    <div className={drawer ? 'overlay overlay-drawer' : 'overlay'} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        className={drawer ? 'drawer' : 'dialog'}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        onKeyDown={(e) => {
          if (box.current) trapTab(e, box.current);
          if (onSubmit && e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
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
