import { useId, useState } from 'react';
import { currentPlatform, displayAccelerator, record, recordingHint } from '../accelerator';
import './field-error.css';
import './ShortcutRecorder.css';

/**
 * The global shortcut, recorded rather than typed: click (or Enter/Space), press the keys, and the
 * accelerator is saved. Esc cancels, Backspace clears; a key without a modifier is refused with the reason.
 * `save` resolves with an error message (in words) to show at the field, or null when it was saved.
 */
export function ShortcutRecorder({
  value,
  describedBy,
  save,
}: {
  value: string | null;
  /** Ids of notes about the shortcut beyond this field's own (e.g. "does nothing in the browser build"). */
  describedBy?: string;
  save: (accelerator: string | null) => Promise<string | null>;
}) {
  const [recording, setRecording] = useState(false);
  const [held, setHeld] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const labelId = useId();
  const hintId = useId();
  const problemId = useId();
  const stop = () => {
    setRecording(false);
    setHeld('');
  };
  const commit = (accelerator: string | null) => {
    stop();
    void save(accelerator).then(setProblem);
  };
  const platform = currentPlatform();
  const shown = recording
    ? held
      ? `${displayAccelerator(held, platform)}${platform === 'mac' ? '' : '+'}…`
      : 'Press the keys…'
    : value
      ? displayAccelerator(value, platform)
      : 'None';
  return (
    <div className="shortcut-recorder">
      <span id={labelId} className="field-label">
        Global shortcut
      </span>
      <div className="row wrap">
        <button
          type="button"
          className={`shortcut-keys${recording ? ' recording' : ''}${problem ? ' has-error' : ''}`}
          aria-labelledby={`${labelId} ${hintId}-value`}
          aria-describedby={[problem ? problemId : '', hintId, describedBy ?? ''].filter(Boolean).join(' ')}
          aria-pressed={recording}
          onClick={() => {
            setProblem(null);
            setRecording(!recording);
            setHeld('');
          }}
          onBlur={stop}
          onKeyDown={(e) => {
            if (!recording) return;
            // Every key goes to the recorder while it listens: Esc must not also close the panel.
            e.preventDefault();
            e.stopPropagation();
            const r = record(e.nativeEvent, platform);
            switch (r.kind) {
              case 'partial':
                setHeld(r.modifiers);
                return;
              case 'cancel':
                setProblem(null);
                stop();
                return;
              case 'clear':
                setProblem(null);
                commit(null);
                return;
              case 'refused':
                setProblem(r.reason);
                setHeld('');
                return;
              case 'done':
                setProblem(null);
                commit(r.accelerator);
            }
          }}
          onKeyUp={(e) => {
            // Letting go of a modifier shows what is still held.
            if (!recording) return;
            const r = record(e.nativeEvent, platform);
            if (r.kind === 'partial') setHeld(r.modifiers);
          }}
        >
          <kbd id={`${hintId}-value`}>{shown}</kbd>
        </button>
        {value && !recording && (
          <button type="button" onClick={() => commit(null)}>
            Remove shortcut
          </button>
        )}
      </div>
      {problem && (
        <span id={problemId} className="error-text small field-error">
          {problem}
        </span>
      )}
      <span id={hintId} className="muted small">
        {recording
          ? recordingHint(platform)
          : 'Opens the panel from anywhere. Click to record a new one.'}
      </span>
    </div>
  );
}
