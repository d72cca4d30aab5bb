import { useEffect, useRef, useState } from 'react';
import type { AccountView, TestResult } from '../../../shared/ipc-contract';
import { namedAfterProvider } from '../../../shared/account-name';
import { explainError } from '../../../shared/errors';
import { PROVIDER_NAMES } from '../../../shared/model';
import { describeFailure } from '../api';
import { AccountEditor } from '../components/AccountEditor';
import { AddAccountForm } from '../components/AddAccountForm';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { foundInWords } from '../components/TestResultText';
import { stateWords } from '../../../shared/account-words';
import { removedKeyWords, storedKeyWords } from '../key-store-words';
import { useAccounts } from '../stores/accounts-store';
import { useMonitor } from '../stores/monitor-store';
import { useUi } from '../stores/ui-store';

/** What an account watches, in words: "every script", "2 hubs, 1 key". */
function watchedInWords(a: AccountView, found: number | undefined): string {
  if (a.autoTargets && a.targets.length === 0) return found ? `every script (${found} found)` : 'every script';
  const byKind = new Map<string, number>();
  for (const t of a.targets) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
  if (byKind.size === 0) return 'nothing yet';
  return [...byKind].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ');
}

function testInWords(label: string, test: TestResult): { text: string; tone: 'info' | 'error' } {
  if (test.ok) return { text: `Added ${label}. Connected. ${foundInWords(test.found ?? [])}`, tone: 'info' };
  const e = test.explanation ?? (test.error ? explainError(test.error) : null);
  return { text: `Added ${label}, but the connection test failed: ${e ? `${e.title} ${e.advice}` : 'unknown error'}`, tone: 'error' };
}

/** Accounts: add, edit, remove; demo mode on or off. */
export function AccountsView() {
  const remove = useAccounts((s) => s.remove);
  // The snapshot is the one copy of the accounts: every push and every change made here shows at once.
  const snapshot = useMonitor((s) => s.snapshot);
  const notify = useUi((s) => s.notify);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [demoBusy, setDemoBusy] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  /**
   * Where focus goes once a form or dialog it was in has gone (else it falls to <body>): an account's
   * Edit button (by id), or null for the "Add account" button.
   */
  const [refocus, setRefocus] = useState<{ editOf: string | null } | null>(null);

  const demo = snapshot?.demo ?? false;
  const setDemo = async (enabled: boolean) => {
    setDemoBusy(true);
    try {
      // The monitor store sets the snapshot main answers, with the demo accounts in or out.
      await useMonitor.getState().setDemo(enabled);
    } catch (err) {
      notify(describeFailure(err), 'error');
    } finally {
      setDemoBusy(false);
    }
  };

  const toRemove = snapshot?.accounts.find((a) => a.account.id === removing)?.account;

  useEffect(() => {
    // Waits for the dialog or form to go: the dialog gives focus back to its opener as it closes.
    if (!refocus || toRemove || adding) return;
    const edit = refocus.editOf === null ? null : list.current?.querySelector<HTMLElement>(`[data-edit-of=${JSON.stringify(refocus.editOf)}]`);
    (edit ?? addButton.current)?.focus();
    setRefocus(null);
  }, [refocus, toRemove, adding]);

  /** The account whose Edit button takes focus after `id` is removed: the next one, else the one before. */
  const neighbourOf = (id: string): string | null => {
    const editable = (snapshot?.accounts ?? []).filter((a) => !a.account.demo).map((a) => a.account.id);
    const i = editable.indexOf(id);
    return editable[i + 1] ?? editable[i - 1] ?? null;
  };
  const closeForm = () => (setAdding(false), setRefocus({ editOf: null }));

  return (
    <div className="accounts-view">
      <section className="card demo-card" aria-labelledby="demo-title">
        <div className="row">
          <div>
            <h2 id="demo-title">Demo mode</h2>
            <p className="muted small">Simulated Junkie, LuaProt and LuaAuth accounts with live, changing sessions.</p>
          </div>
          <span className="spacer" />
          <button
            type="button"
            role="switch"
            aria-checked={demo}
            aria-label="Demo mode"
            className="switch"
            // Not before the snapshot says whether demo is on: a click must not act on a guess.
            disabled={demoBusy || !snapshot}
            onClick={() => void setDemo(!demo)}
          >
            <span className="switch-knob" aria-hidden="true" />
          </button>
        </div>
      </section>

      <section aria-labelledby="accounts-title">
        <div className="panel-head">
          <h2 id="accounts-title">Accounts</h2>
          <span className="spacer" />
          {!adding && (
            <button ref={addButton} type="button" className="primary" onClick={() => setAdding(true)}>
              Add account
            </button>
          )}
        </div>
        {adding && (
          <AddAccountForm
            onDone={closeForm}
            onAdded={(label, test) => {
              closeForm();
              const { text, tone } = testInWords(label, test);
              notify(text, tone);
            }}
          />
        )}
        {!snapshot && <p className="muted">Loading…</p>}
        {snapshot?.accounts.length === 0 && !adding && (
          <p className="muted">No accounts yet. Add your Junkie, LuaProt or LuaAuth API key, or turn on demo mode above.</p>
        )}
        {demo && snapshot?.accounts.some((a) => a.account.demo) && (
          <p className="muted small">Demo accounts cannot be edited; they go away when demo mode is turned off.</p>
        )}
        <ul className="account-list" ref={list}>
          {snapshot?.accounts.map((live) => {
            const a = live.account;
            return (
              <li key={a.id} className="card account-item" aria-label={a.label}>
                <div className="row">
                  <div className="account-text">
                    <strong>{a.label}</strong>{' '}
                    <span className="muted">
                      {/* An account named after its provider would read "Junkie Junkie". */}
                      {[namedAfterProvider(a.label, PROVIDER_NAMES[a.provider]) ? null : PROVIDER_NAMES[a.provider], a.demo ? 'demo' : null]
                        .filter(Boolean)
                        .join(' · ')}
                    </span>
                    <div className="muted small account-meta">
                      Watches {watchedInWords(a, live.targets.length)} ·{' '}
                      {a.demo ? 'simulated key' : a.hasKey ? storedKeyWords(snapshot?.keyStore ?? null) : 'no key stored'}
                      {` · ${stateWords(live.status, a.provider)}`}
                    </div>
                    <div className="muted small account-url" title={a.baseUrl}>
                      {a.baseUrl}
                    </div>
                  </div>
                  <span className="spacer" />
                  {!a.demo && (
                    <>
                      <button
                        type="button"
                        aria-label={`Edit ${a.label}`}
                        data-edit-of={a.id}
                        aria-expanded={editing === a.id}
                        onClick={() => setEditing(editing === a.id ? null : a.id)}
                      >
                        Edit
                      </button>
                      <button type="button" className="danger" aria-label={`Remove ${a.label}`} onClick={() => setRemoving(a.id)}>
                        Remove
                      </button>
                    </>
                  )}
                </div>
                {editing === a.id && <AccountEditor account={a} onDone={() => setEditing(null)} />}
              </li>
            );
          })}
        </ul>
      </section>

      {toRemove && (
        <ConfirmDialog
          title={`Remove ${toRemove.label}?`}
          message={`${removedKeyWords(snapshot?.keyStore ?? null)} and its history is no longer shown.`}
          confirmLabel="Remove account"
          danger
          onConfirm={async () => {
            const next = neighbourOf(toRemove.id);
            await remove(toRemove.id);
            setRefocus({ editOf: next });
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
