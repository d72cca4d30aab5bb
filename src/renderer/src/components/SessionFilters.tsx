import { useEffect, useId, useRef, useState } from 'react';
import { useEscape } from '../keyboard';
import './session-filters.css';

export interface FilterField<F extends string> {
  field: F;
  label: string;
}

/** How many filters hold something: the number on the Filters button (blank text is no filter). */
export function activeFilterCount(values: Partial<Record<string, string | undefined>>): number {
  return Object.values(values).filter((v) => typeof v === 'string' && v.trim() !== '').length;
}

interface SessionFiltersProps<F extends string> {
  fields: ReadonlyArray<FilterField<F>>;
  values: Partial<Record<F, string>>;
  onChange: (field: F, value: string) => void;
  onClear: () => void;
}

/**
 * The provider's own filters behind one button, so the panel keeps one search row. The popover is not
 * modal: it closes on Esc (focus back on the button), on Done, or on a click outside; typing applies
 * at once (the caller debounces the request).
 */
export function SessionFilters<F extends string>({ fields, values, onChange, onClear }: SessionFiltersProps<F>) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const id = useId();
  const active = activeFilterCount(values);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  useEscape(() => close(true), open);

  useEffect(() => {
    if (!open) return;
    box.current?.querySelector<HTMLInputElement>('input')?.focus();
    const outside = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!box.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  return (
    <div className="session-filters">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        aria-label={active > 0 ? `Filters, ${active} active` : 'Filters'}
        onClick={() => (open ? close(false) : setOpen(true))}
      >
        Filters
        {active > 0 && (
          <span className="filter-badge" aria-hidden="true">
            {active}
          </span>
        )}
      </button>
      {open && (
        <div ref={box} id={id} className="filter-popover" role="group" aria-label="Filters">
          {fields.map((f) => (
            <label key={f.field} className="filter-field">
              <span>{f.label}</span>
              <input type="search" value={values[f.field] ?? ''} onChange={(e) => onChange(f.field, e.target.value)} />
            </label>
          ))}
          <div className="button-row">
            <button type="button" disabled={active === 0} onClick={onClear}>
              Clear filters
            </button>
            <button type="button" onClick={() => close(true)}>
              Done
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
