import { IpcFailure } from './api';

/** A refusal placed on the form: at the field it names, or (field null) on the form as a whole. */
export interface FieldError {
  field: string | null;
  message: string;
}

/**
 * Which form field a refusal is about, and the refusal in words with that field's name as the user
 * sees it. Main's messages start with the field name ("url: Only https URLs…", or through IPC
 * validation "Invalid channels:add request: label: label must not be empty"; a path such as
 * "targets.0.id" belongs to its first part); a message that names no field belongs to the form as a
 * whole. Of several issues ("label: …; key: …") the first is said: fixing one at a time is clearer.
 */
export function fieldError(err: unknown, names: Record<string, string>): FieldError {
  const raw = err instanceof IpcFailure ? err.error.message : err instanceof Error ? err.message : String(err);
  const text = raw.replace(/^Invalid [\w:-]+ request: /, '');
  const first = text.split(/; (?=[\w.]+: )/)[0]!;
  const m = /^([a-zA-Z]+)(?:\.[\w.]+)?: (.*)$/s.exec(first);
  if (!m || !(m[1]! in names)) return { field: null, message: text };
  const field = m[1]!;
  const name = names[field]!;
  // "label must not be empty" → "Name must not be empty"; "Only https URLs…" stays as it is.
  const rest = m[2]!.startsWith(`${field} `) ? `${name} ${m[2]!.slice(field.length + 1)}` : m[2]!;
  return { field, message: rest.charAt(0).toUpperCase() + rest.slice(1) };
}
