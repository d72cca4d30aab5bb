import { useId, useState } from 'react';
import { fieldError, type FieldError } from '../field-errors';
import '../components/field-error.css';

/**
 * A form's one refusal, placed where it belongs: next to the field main named (outlined, with
 * aria-invalid and aria-describedby), or on the form as a whole; cleared as soon as that field (or,
 * for a form-wide one, any field) is edited.
 */
export function useFormError(names: Record<string, string>) {
  const id = useId();
  const [error, setError] = useState<FieldError | null>(null);
  const errorId = (field: string) => `${id}-${field}-error`;
  return {
    /** The refusal that names no field, for the form's footer. */
    formError: error && error.field === null ? error.message : null,
    fail(err: unknown) {
      setError(fieldError(err, names));
    },
    clear() {
      setError(null);
    },
    /** Call on every edit of `field`. */
    edited(field: string) {
      setError((e) => (e && (e.field === field || e.field === null) ? null : e));
    },
    /** aria-invalid and aria-describedby for a field (with its own hint id, if it has one). */
    attrs(field: string, hint?: string) {
      const bad = error?.field === field;
      const describedBy = [bad ? errorId(field) : '', hint ?? ''].filter(Boolean).join(' ');
      return { 'aria-invalid': bad ? true : undefined, 'aria-describedby': describedBy || undefined };
    },
    /** The refusal in words right below `field`, when it is about that field. */
    message(field: string) {
      return error?.field === field ? (
        // An alert: it comes after a click on Save or Test, and a screen reader should hear it at once.
        <span id={errorId(field)} role="alert" className="error-text small field-error">
          {error.message}
        </span>
      ) : null;
    },
  };
}

/** The account form fields as the user sees them, for refusals that name a field. */
export const ACCOUNT_FIELD_NAMES: Record<string, string> = {
  label: 'Label',
  baseUrl: 'Base URL',
  key: 'API key',
  targets: 'Targets',
};
