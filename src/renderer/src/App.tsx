import { useEffect } from 'react';
import { noticeText, summarizeCycle } from '../../shared/alert-digest';
import { bridge, call, describeFailure, onEvent } from './api';
import { DemoOffer } from './components/DemoOffer';
import { HeaderBar } from './components/HeaderBar';
import { NavBar } from './components/NavBar';
import { NoticeStack } from './components/NoticeStack';
import { closeTopOverlay, focusSearch } from './keyboard';
import { useAlerts } from './stores/alerts-store';
import { useMonitor } from './stores/monitor-store';
import { useSettings } from './stores/settings-store';
import { useUi, VIEW_LABELS } from './stores/ui-store';
import { useWindow } from './stores/window-store';
import { AccountsView } from './views/AccountsView';
import { AlertsView } from './views/AlertsView';
import { InsightsView } from './views/InsightsView';
import { OverviewView } from './views/OverviewView';
import { ScriptsView } from './views/ScriptsView';
import { SessionsView } from './views/SessionsView';
import { SettingsView } from './views/SettingsView';

/** Wires pushed events into the stores once, for the life of the window. */
function useMainEvents() {
  useEffect(() => {
    const ui = useUi.getState();
    void useMonitor.getState().load();
    void useSettings.getState().load().catch((err) => ui.notify(describeFailure(err), 'error'));
    void useAlerts.getState().load().catch(() => {});
    void useWindow.getState().load().catch(() => {});
    void call('app:notices')
      .then((notices) => notices.forEach((n) => ui.notify(n, 'info')))
      .catch(() => {});
    const offs = [
      onEvent('monitor:update', (s) => useMonitor.getState().setSnapshot(s)),
      onEvent('alerts:fired', (events) => {
        useAlerts.getState().fired(events);
        // One notice per poll, like the OS notification: one spike that trips several rules is told once.
        const summary = summarizeCycle(events);
        if (summary) useUi.getState().notify(noticeText(summary), 'alert');
      }),
      onEvent('navigate', ({ accountId, targetId }) => useUi.getState().openTarget(accountId, targetId)),
      onEvent('notice', (text) => useUi.getState().notify(text, 'info')),
      onEvent('settings:changed', (prefs) => useSettings.getState().set(prefs)),
      onEvent('alerts:changed', (settings) => useAlerts.getState().changed(settings)),
    ];
    return () => offs.forEach((off) => off());
  }, []);
}

function useTheme() {
  const theme = useSettings((s) => s.prefs?.theme ?? 'system');
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

/** Ctrl/Cmd+F focuses the view's search; Esc closes the top overlay, else asks main to hide the panel. */
function useGlobalKeys() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        if (focusSearch()) e.preventDefault();
        else if (useUi.getState().view !== 'sessions') {
          // No search on this view: go to the sessions list, whose search takes the focus.
          e.preventDefault();
          useUi.getState().show('sessions');
          requestAnimationFrame(() => requestAnimationFrame(focusSearch));
        }
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        if (!closeTopOverlay()) void useWindow.getState().hide().catch(() => {});
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function CurrentView() {
  const view = useUi((s) => s.view);
  switch (view) {
    case 'overview':
      return <OverviewView />;
    case 'insights':
      return <InsightsView />;
    case 'sessions':
      return <SessionsView />;
    case 'scripts':
      return <ScriptsView />;
    case 'alerts':
      return <AlertsView />;
    case 'accounts':
      return <AccountsView />;
    case 'settings':
      return <SettingsView />;
  }
}

export function App() {
  useMainEvents();
  useTheme();
  useGlobalKeys();
  const loadError = useMonitor((s) => s.loadError);
  const view = useUi((s) => s.view);
  if (!bridge()) {
    return (
      <main className="fatal" role="alert">
        Pulsebar is not connected: this page needs the Electron preload or the browser bridge (npm run web).
      </main>
    );
  }
  return (
    <div className="app">
      {/* First Tab stop: past the header's and the nav's buttons straight to the view. */}
      <a
        className="skip-link"
        href="#content"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('content')?.focus();
        }}
      >
        Skip to content
      </a>
      <HeaderBar />
      <NavBar />
      <main className="content" id="content" tabIndex={-1} aria-labelledby="view-title">
        {/* The view's heading for screen readers; sighted users see the current nav button. */}
        <h1 id="view-title" className="visually-hidden">
          {VIEW_LABELS[view]}
        </h1>
        <NoticeStack />
        <DemoOffer />
        {loadError && (
          <p role="alert" className="error-text">
            {loadError}
          </p>
        )}
        <CurrentView />
      </main>
    </div>
  );
}
