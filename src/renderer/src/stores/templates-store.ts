import { create } from 'zustand';
import type { MessageTemplate, MessageTemplatesView, RecentMessage } from '../../../shared/message-templates';
import { call, describeFailure } from '../api';

/** Saved message templates and recent messages (kept in settings by main). */
interface TemplatesState {
  view: MessageTemplatesView | null;
  error: string | null;
  load(): Promise<void>;
  save(template: MessageTemplate): Promise<void>;
  remove(id: string): Promise<void>;
  /** After a send: the message as written goes first in its provider's recent list. */
  recordSent(message: RecentMessage): Promise<void>;
}

export const useTemplates = create<TemplatesState>()((set) => {
  const run = async (fn: () => Promise<MessageTemplatesView>) => {
    try {
      set({ view: await fn(), error: null });
    } catch (err) {
      set({ error: describeFailure(err) });
    }
  };
  return {
    view: null,
    error: null,
    load: () => run(() => call('templates:get')),
    save: (template) => run(() => call('templates:save', { template })),
    remove: (id) => run(() => call('templates:remove', { id })),
    recordSent: (message) => run(() => call('templates:recordSent', message)),
  };
});
