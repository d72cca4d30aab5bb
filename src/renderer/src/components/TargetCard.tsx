import type { TargetLive } from '../../../shared/ipc-contract';
import { count } from '../time-format';
import { Sparkline } from './Sparkline';
import { TrendArrow } from './TrendArrow';

const KIND_WORDS: Record<string, string> = { script: 'Script', hub: 'Hub', key: 'Key', project: 'Project' };

/**
 * A watched target: live count, 10-minute trend and last-hour sparkline; opens its sessions.
 * With `parentLabel` it is one of a project's scripts, shown as part of that project.
 */
export function TargetCard({
  target,
  accountLabel,
  parentLabel,
  onOpen,
}: {
  target: TargetLive;
  accountLabel: string;
  parentLabel?: string;
  onOpen: () => void;
}) {
  const kind = `${KIND_WORDS[target.kind] ?? target.kind}${parentLabel ? ` in ${parentLabel}` : ''} · ${accountLabel}`;
  return (
    <li className={parentLabel ? 'target-card target-card-part' : 'target-card'}>
      <button type="button" className="target-card-button" aria-label={`${target.label}: ${count(target.count)} live, open sessions`} onClick={onOpen}>
        <span className="target-head">
          <span className="target-label" title={target.label}>
            {target.label}
          </span>
          <span className="muted target-kind" title={kind}>
            {kind}
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
