import { useEffect, useRef, useState, type FormEvent } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { TestResult } from '../../../shared/ipc-contract';
import { DEFAULT_BASE_URLS, PROVIDERS, PROVIDER_NAMES, type ProviderId } from '../../../shared/model';
import { IpcFailure } from '../api';
import { useEscape } from '../keyboard';
import { useAccounts } from '../stores/accounts-store';
import { newKeyWords } from '../key-store-words';
import { ACCOUNT_FIELD_NAMES, useFormError } from '../hooks/use-form-error';
import { useMonitor } from '../stores/monitor-store';
import { AccountFormFooter } from './AccountFormFooter';
import { TargetFields, targetsFromDraft, type TargetDraft } from './TargetFields';
import { noTargetsWords } from './target-rules';

/**
 * New account. The key lives in this form only until it is sent to main once; the field is then
 * cleared and nothing in the window can read it back.
 */
export function AddAccountForm({ onDone, onAdded }: { onDone: () => void; onAdded: (label: string, test: TestResult) => void }) {
  const add = useAccounts((s) => s.add);
  const test = useAccounts((s) => s.test);
  const refresh = useMonitor((s) => s.refresh);
  const keyStore = useMonitor((s) => s.snapshot?.keyStore ?? null);
  const [provider, setProvider] = useState<ProviderId>('junkie');
  const [label, setLabel] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [key, setKey] = useState('');
  const [autoTargets, setAutoTargets] = useState(true);
  const [draft, setDraft] = useState<TargetDraft>({});
  const [busy, setBusy] = useState<'test' | 'add' | null>(null);
  const [result, setResult] = useState<TestResult | null>(null);
  const problem = useFormError(ACCOUNT_FIELD_NAMES);
  /** The provider rejected this key and nothing was added: "Add anyway" is offered until the key changes. */
  const [keyRejected, setKeyRejected] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  // Opening the form (click or Enter on "Add account") starts at its first field, not at <body>.
  useEffect(() => first.current?.focus(), []);
  useEscape(onDone);

  const runTest = async () => {
    setBusy('test');
    problem.clear();
    setResult(null);
    try {
      setResult(await test({ provider, key, ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}) }));
    } catch (err) {
      problem.fail(err);
    } finally {
      setBusy(null);
    }
  };

  /** Adds the account; unless `anyway`, main refuses a key the provider rejects (an offline add still goes through). */
  const addAccount = async (anyway: boolean) => {
    const targets = targetsFromDraft(provider, draft);
    const empty = noTargetsWords(provider, targets);
    problem.clear();
    if (empty) {
      problem.fail(new Error(`targets: ${empty}`));
      return;
    }
    setBusy('add');
    setKeyRejected(false);
    try {
      const { account, test: outcome } = await add({
        label: label.trim() || PROVIDER_NAMES[provider],
        provider,
        key,
        targets,
        ...(baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        ...(providerDescriptor(provider)?.autoTargets ? { autoTargets } : {}),
        ...(anyway ? {} : { keyMustWork: true }),
      });
      // The key has gone to main; drop it here at once, whatever the test said.
      setKey('');
      void refresh();
      onAdded(account.label, outcome);
    } catch (err) {
      const rejected = err instanceof IpcFailure && err.error.kind === 'unauthorized';
      setKeyRejected(rejected);
      // Said at the key field: the user is already in Accounts, the key is right above.
      problem.fail(rejected ? new Error(`${err.error.message} Check the key above, or add the account anyway.`) : err);
    } finally {
      setBusy(null);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void addAccount(false);
  };

  return (
    <form className="card form" aria-labelledby="add-account-title" onSubmit={submit}>
      <h3 id="add-account-title">Add an account</h3>
      <label className="field">
        <span>Provider</span>
        <select ref={first} value={provider} onChange={(e) => (setProvider(e.target.value as ProviderId), setDraft({}), setResult(null), problem.edited('targets'))}>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {PROVIDER_NAMES[p]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>Label</span>
        <input
          value={label}
          placeholder={`My ${PROVIDER_NAMES[provider]}`}
          {...problem.attrs('label')}
          onChange={(e) => (setLabel(e.target.value), problem.edited('label'))}
        />
      </label>
      {problem.message('label')}
      <label className="field">
        <span>Base URL (optional)</span>
        <input
          value={baseUrl}
          placeholder={DEFAULT_BASE_URLS[provider]}
          inputMode="url"
          {...problem.attrs('baseUrl')}
          onChange={(e) => (setBaseUrl(e.target.value), problem.edited('baseUrl'))}
        />
      </label>
      {problem.message('baseUrl')}
      <label className="field">
        <span>API key</span>
        <input
          type="password"
          value={key}
          autoComplete="off"
          spellCheck={false}
          required
          {...problem.attrs('key')}
          onChange={(e) => (setKey(e.target.value), setKeyRejected(false), problem.edited('key'))}
        />
      </label>
      {problem.message('key')}
      {providerDescriptor(provider)?.autoTargets && (
        <label className="check">
          <input type="checkbox" checked={autoTargets} onChange={(e) => setAutoTargets(e.target.checked)} />
          Watch every script
        </label>
      )}
      <TargetFields
        provider={provider}
        draft={draft} onChange={(d) => (setDraft(d), problem.edited('targets'))}
        idPrefix="add"
        found={result?.ok ? result.found : undefined}
      />
      {problem.message('targets')}
      <p className="muted small">{newKeyWords(keyStore)}</p>
      <AccountFormFooter result={result} error={problem.formError} onCancel={onDone}>
        <button type="button" disabled={!key || busy !== null} onClick={runTest}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" disabled={!key || busy !== null}>
          {busy === 'add' ? 'Adding…' : 'Add account'}
        </button>
        {keyRejected && (
          <button type="button" disabled={!key || busy !== null} onClick={() => void addAccount(true)}>
            Add anyway
          </button>
        )}
      </AccountFormFooter>
    </form>
  );
}
