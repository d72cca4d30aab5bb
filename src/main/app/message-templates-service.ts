/**
 * Saved message templates and the recent messages, kept in settings (validated there by
 * messageTemplateSchema / recentMessagesSchema). The window records a message as recent once it
 * was sent, with its variables as written: a bulk send filled per session is one recent entry,
 * not one per session.
 */
import { MAX_TEMPLATES, pushRecent, sameMessage, type MessageTemplate, type MessageTemplatesView, type RecentMessage } from '../../shared/message-templates';
import type { Settings, SettingsStore } from '../settings';
import { invalidRequest } from '../core/core-errors';

export function templatesView(settings: Settings): MessageTemplatesView {
  return {
    templates: settings.messageTemplates.map((t) => ({ ...t })),
    recent: { luaprot: settings.recentMessages.luaprot.map((r) => ({ ...r })), luaauth: settings.recentMessages.luaauth.map((r) => ({ ...r })) },
  };
}

export class MessageTemplatesService {
  constructor(private readonly store: Pick<SettingsStore, 'get' | 'update'>) {}

  get(): MessageTemplatesView {
    return templatesView(this.store.get());
  }

  /** Adds the template, or replaces the one with its id. */
  async save(template: MessageTemplate): Promise<MessageTemplatesView> {
    const list = this.store.get().messageTemplates;
    const at = list.findIndex((t) => t.id === template.id);
    if (at < 0 && list.length >= MAX_TEMPLATES) {
      throw invalidRequest(`There are already ${MAX_TEMPLATES} templates, the most Pulsebar keeps; delete one first.`);
    }
    const next = at < 0 ? [...list, template] : list.map((t, i) => (i === at ? template : t));
    return templatesView(await this.store.update((s) => ({ ...s, messageTemplates: next })));
  }

  async remove(id: string): Promise<MessageTemplatesView> {
    return templatesView(await this.store.update((s) => ({ ...s, messageTemplates: s.messageTemplates.filter((t) => t.id !== id) })));
  }

  async recordSent(message: RecentMessage): Promise<MessageTemplatesView> {
    return templatesView(
      await this.store.update((s) => ({
        ...s,
        recentMessages: { ...s.recentMessages, [message.provider]: pushRecent<RecentMessage>(s.recentMessages[message.provider], message, sameMessage) },
      })),
    );
  }
}
