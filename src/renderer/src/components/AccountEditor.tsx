import { useState, type FormEvent } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { AccountView, TestResult } from '../../../shared/ipc-contract';
import { describeFailure } from '../api';
import { replaceKeyPlaceholder } from '../key-store-words';
import { useAccounts } from '../stores/accounts-store';
import { useMonitor } from '../stores/monitor-store';
import { AccountFormFooter } from './AccountFormFooter';
import { TargetFields, draftFromTargets, targetsFromDraft, type TargetDraft } from './TargetFields';

/** Edit an account. The stored key is never shown; typing a new one replaces it. */
export function AccountEditor({ account, onDone }: { account: AccountView; onDone: () => void }) {
  const keyStore = useMonitor((s) => s.snapshot?.keyStore ?? null);
  const update = useAccounts((s) => s.update);
  const test = useAccounts((s) => s.test);
  const [label, setLabel] = useState(account.label);
  const [baseUrl, setBaseUrl] = useState(account.baseUrl);
  const [newKey, setNewKey] = useState('');
  const [autoTargets, setAutoTargets] = useState(account.autoTargets ?? false);
  const [draft, setDraft] = useState<TargetDraft>(() => draftFromTargets(account.targets));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const runTest = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(
        await test({ provider: account.provider, accountId: account.id, baseUrl, ...(newKey ? { key: newKey } : {}) }),
      );
    } catch (err) {
      setError(describeFailure(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await update({
        id: account.id,
        label: label.trim() || account.label,
        baseUrl: baseUrl.trim(),
        targets: targetsFromDraft(account.provider, draft, account.targets),
        ...(providerDescriptor(account.provider)?.autoTargets ? { autoTargets } : {}),
        ...(newKey ? { key: newKey } : {}),
      });
      setNewKey('');
      onDone();
    } catch (err) {
      setError(describeFailure(err));
      setBusy(false);
    }
  };

  return (
    <form className="form account-editor" aria-label={`Edit ${account.label}`} onSubmit={submit}>
      <label className="field">
        <span>Label</span>
        <input value={label} onChange={(e) => setLabel(e.target.value)} />
      </label>
      <label className="field">
        <span>Base URL</span>
        <input value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} inputMode="url" />
      </label>
      <label className="field">
        <span>Replace API key</span>
        <input
          type="password"
          value={newKey}
          autoComplete="off"
          spellCheck={false}
          placeholder={account.hasKey ? replaceKeyPlaceholder(keyStore) : 'No key stored'}
          onChange={(e) => setNewKey(e.target.value)}
        />
      </label>
      {providerDescriptor(account.provider)?.autoTargets && (
        <label className="check">
          <input type="checkbox" checked={autoTargets} onChange={(e) => setAutoTargets(e.target.checked)} />
          Watch every script
        </label>
      )}
      <TargetFields provider={account.provider} draft={draft} onChange={setDraft} idPrefix={`edit-${account.id}`} />
      <AccountFormFooter result={result} error={error} onCancel={onDone}>
        <button type="button" disabled={busy} onClick={runTest}>
          Test connection
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      </AccountFormFooter>
    </form>
  );
}
