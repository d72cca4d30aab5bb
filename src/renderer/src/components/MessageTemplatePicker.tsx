import { useState } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { MessageTemplate, RecentMessage } from '../../../shared/message-templates';
import type { ProviderId } from '../../../shared/model';
import { useTemplates } from '../stores/templates-store';

export /** Saved templates and recent messages of this provider; choosing one fills the form. */
function MessageTemplatePicker({ provider, onPick }: { provider: ProviderId; onPick: (m: MessageTemplate | RecentMessage) => void }) {
  const view = useTemplates((s) => s.view);
  const remove = useTemplates((s) => s.remove);
  const [chosen, setChosen] = useState('');
  if (!providerDescriptor(provider)?.capabilities.message || !view) return null;
  const templates = view.templates.filter((t) => t.provider === provider);
  const recent = (view.recent as Record<string, RecentMessage[] | undefined>)[provider] ?? [];
  if (templates.length === 0 && recent.length === 0) return null;
  const describe = (m: RecentMessage) => ('text' in m ? m.text : `${m.command}${m.data ? ` ${m.data}` : ''}`);
  const chosenTemplate = chosen.startsWith('t:') ? templates.find((t) => t.id === chosen.slice(2)) : undefined;
  return (
    <div className="row wrap">
      <label className="field grow">
        <span>Template or recent message</span>
        <select
          value={chosen}
          onChange={(e) => {
            const value = e.target.value;
            setChosen(value);
            const picked = value.startsWith('t:') ? templates.find((t) => t.id === value.slice(2)) : value.startsWith('r:') ? recent[Number(value.slice(2))] : undefined;
            if (picked) onPick(picked);
          }}
        >
          <option value="">Write a new message</option>
          {templates.length > 0 && (
            <optgroup label="Saved templates">
              {templates.map((t) => (
                <option key={t.id} value={`t:${t.id}`}>
                  {t.name}
                </option>
              ))}
            </optgroup>
          )}
          {recent.length > 0 && (
            <optgroup label="Recent (newest first)">
              {recent.map((r, i) => (
                <option key={i} value={`r:${i}`}>
                  {describe(r).slice(0, 60)}
                </option>
              ))}
            </optgroup>
          )}
        </select>
      </label>
      {chosenTemplate && (
        <button
          type="button"
          className="danger"
          onClick={() => {
            setChosen('');
            void remove(chosenTemplate.id);
          }}
        >
          Delete template
        </button>
      )}
    </div>
  );
}
