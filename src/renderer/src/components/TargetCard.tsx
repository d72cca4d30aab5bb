import type { TargetLive } from '../../../shared/ipc-contract';
import { count } from '../time-format';
import { Sparkline } from './Sparkline';
import { TrendArrow } from './TrendArrow';

const KIND_WORDS: Record<string, string> = { script: 'Script', hub: 'Hub', key: 'Key', project: 'Project' };

/** A watched target: live count, 10-minute trend and last-hour sparkline; opens its sessions. */
export function TargetCard({ target, accountLabel, onOpen }: { target: TargetLive; accountLabel: string; onOpen: () => void }) {
  return (
    <li className="target-card">
      <button type="button" className="target-card-button" aria-label={`${target.label}: ${count(target.count)} live, open sessions`} onClick={onOpen}>
        <span className="target-head">
          <span className="target-label" title={target.label}>
            {target.label}
          </span>
          <span className="muted target-kind" title={`${KIND_WORDS[target.kind] ?? target.kind} · ${accountLabel}`}>
            {KIND_WORDS[target.kind] ?? target.kind} · {accountLabel}
          </span>
        </span>
        <span className="target-numbers">
          <span className="target-count" data-testid="target-count">
            {count(target.count)}
          </span>
          <TrendArrow trend={target.trend} />
        </span>
        <Sparkline values={target.sparkline} label={`${target.label} sparkline`} />
      </button>
    </li>
  );
}
