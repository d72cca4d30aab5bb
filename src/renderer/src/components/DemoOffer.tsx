import { useState } from 'react';
import { describeFailure } from '../api';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';
import './DemoOffer.css';

/**
 * Once a real account exists while demo mode is on, the totals and "All accounts" alerts add
 * simulated users to real ones: say so, and offer to turn demo off. "Keep demo on" hides the offer
 * until another real account is added (our choice; it comes back on the next start while both mix);
 * the Demo badges on totals and cards stay either way.
 */
export function DemoOffer() {
  // The real accounts mixed with demo ones ("" when none are, or demo is off): a string, so the selector stays stable.
  const mixed = useMonitor((s) =>
    s.snapshot?.demo
      ? s.snapshot.accounts
          .filter((a) => !a.account.demo)
          .map((a) => a.account.id)
          .join(' ')
      : '',
  );
  const setDemo = useMonitor((s) => s.setDemo);
  const notify = useUi((s) => s.notify);
  // What "Keep demo on" was said to: a real account added later is asked about again.
  const [kept, setKept] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!mixed || kept === mixed) return null;
  const turnOff = async () => {
    setBusy(true);
    try {
      await setDemo(false);
      notify('Demo mode is off: the totals count your real accounts only.', 'info');
    } catch (err) {
      notify(describeFailure(err), 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="demo-offer" aria-labelledby="demo-offer-title">
      <h2 id="demo-offer-title">Demo mode is still on</h2>
      <p>You have a real account now. While demo mode is on, the totals and alerts on "All accounts" add simulated users to your real ones (they are marked Demo).</p>
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void turnOff()}>
          {busy ? 'Turning demo off…' : 'Turn demo off'}
        </button>
        <button type="button" disabled={busy} onClick={() => setKept(mixed)}>
          Keep demo on
        </button>
      </div>
    </section>
  );
}
