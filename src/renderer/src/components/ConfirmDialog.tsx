import { useState, type ReactNode } from 'react';
import { describeFailure } from '../api';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  /** A checkbox the user must tick before confirming (e.g. "everyone, not only the 501 shown"). */
  acknowledge?: string | null;
  /** Quoted under the message, e.g. the exact scope in detail. */
  children?: ReactNode;
}

/** Asks before anything destructive; shows the failure in place rather than closing on error. */
export function ConfirmDialog({ title, message, confirmLabel, danger, onConfirm, onClose, acknowledge, children }: ConfirmDialogProps) {
  const [busy, setBusy] = useState(false);
  const [acknowledged, setAcknowledged] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(describeFailure(err));
      setBusy(false);
    }
  };
  return (
    <Dialog
      title={title}
      role="alertdialog"
      onClose={onClose}
      footer={
        <>
          <button type="button" onClick={onClose} data-autofocus>
            Cancel
          </button>
          <button type="button" className={danger ? 'danger' : 'primary'} disabled={busy || (Boolean(acknowledge) && !acknowledged)} onClick={confirm}>
            {busy ? 'Working…' : confirmLabel}
          </button>
        </>
      }
    >
      <p>{message}</p>
      {children}
      {acknowledge && (
        <label className="row">
          <input type="checkbox" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} />
          <span>{acknowledge}</span>
        </label>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </Dialog>
  );
}
