import { Notification } from 'electron';
import type { NotifierPort } from '../core/ports';

/** Native notifications. Kept referenced until closed so click handlers are not garbage-collected. */
export function createNotifier(): NotifierPort {
  const live = new Set<Notification>();
  return {
    notify(request, onClick) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title: request.title, body: request.body, silent: request.silent ?? false });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        onClick();
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
    },
  };
}
