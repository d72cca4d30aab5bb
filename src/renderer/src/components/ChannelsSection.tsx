import { useEffect } from 'react';
import { MAX_CHANNELS } from '../../../shared/alert-channels';
import { onEvent } from '../api';
import { useChannels } from '../stores/channels-store';
import { ChannelAddForm } from './ChannelAddForm';
import { ChannelCard } from './ChannelCard';

/** The Alerts view's "Channels": where alerts go besides the desktop, kept live by main's status pushes. */
export function ChannelsSection() {
  const channels = useChannels((s) => s.channels);
  const load = useChannels((s) => s.load);
  const loadError = useChannels((s) => s.loadError);

  useEffect(() => {
    void load();
    return onEvent('channels:status', ({ id, status }) => useChannels.getState().statusChanged(id, status));
  }, [load]);

  return (
    <section aria-labelledby="channels-title" className="channels-section">
      <h2 id="channels-title" className="section-title">
        Channels
      </h2>
      <p className="muted small">
        Send the same alerts to a Discord webhook, a JSON webhook or ntfy, so they reach you away from this computer.
      </p>
      {loadError && (
        <p className="error-text" role="alert">
          {loadError}
        </p>
      )}
      {channels === null ? (
        !loadError && <p className="muted">Loading channels…</p>
      ) : channels.length === 0 ? (
        <p className="muted">No channels yet: alerts only show on this computer.</p>
      ) : (
        <ul className="channel-list" aria-label="Alert channels">
          {channels.map((c) => (
            <ChannelCard key={c.id} channel={c} />
          ))}
        </ul>
      )}
      {(channels?.length ?? 0) < MAX_CHANNELS ? <ChannelAddForm /> : <p className="muted small">{MAX_CHANNELS} channels is the most; remove one to add another.</p>}
    </section>
  );
}
