import { useState, type FormEvent } from 'react';
import { providerDescriptor } from '../../../shared/provider-descriptor';
import type { AccountView, TestResult } from '../../../shared/ipc-contract';
import { replaceKeyPlaceholder } from '../key-store-words';
import { useAccounts } from '../stores/accounts-store';
import { ACCOUNT_FIELD_NAMES, useFormError } from '../hooks/use-form-error';
import { useMonitor } from '../stores/monitor-store';
import { AccountFormFooter } from './AccountFormFooter';
import { TargetFields, draftFromTargets, targetsFromDraft, type TargetDraft } from './TargetFields';
import { noTargetsWords } from './target-rules';
import { ProviderDetails } from './ProviderDetails';
import { assumptionsFromDraft, draftChanged, draftFromAssumptions, draftProblems, type AssumptionDraft } from './assumption-draft';

/** Edit an account. The stored key is never shown; typing a new one replaces it. */
export function AccountEditor({ account, onDone }: { account: AccountView; onDone: () => void }) {
  const keyStore = useMonitor((s) => s.snapshot?.keyStore ?? null);
  const update = useAccounts((s) => s.update);
  const test = useAccounts((s) => s.test);
  const discover = useAccounts((s) => s.discover);
  const [label, setLabel] = useState(account.label);
  const [baseUrl, setBaseUrl] = useState(account.baseUrl);
  const [newKey, setNewKey] = useState('');
  const [autoTargets, setAutoTargets] = useState(account.autoTargets ?? false);
  const [draft, setDraft] = useState<TargetDraft>(() => draftFromTargets(account.targets));
  const [assumed, setAssumed] = useState<AssumptionDraft>(() => draftFromAssumptions(account.assumptions));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);
  const problem = useFormError(ACCOUNT_FIELD_NAMES);
  /** Save refused here because a Provider details field is marked (each field says what is wrong). */
  const [detailsError, setDetailsError] = useState<string | null>(null);

  const runTest = async () => {
    setBusy(true);
    problem.clear();
    try {
      setResult(
        await test({ provider: account.provider, accountId: account.id, baseUrl, ...(newKey ? { key: newKey } : {}) }),
      );
    } catch (err) {
      problem.fail(err);
    } finally {
      setBusy(false);
    }
  };

  /** Asks the provider with the stored key which targets there are; they are offered as checkboxes. */
  const runDiscover = async () => {
    setBusy(true);
    problem.clear();
    try {
      setResult(await discover(account.id));
    } catch (err) {
      problem.fail(err);
    } finally {
      setBusy(false);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    // Each field already says what is wrong; Save names where to look.
    if (Object.keys(draftProblems(assumed)).length > 0) {
      setDetailsError('Provider details: correct the fields marked there, or use the defaults.');
      return;
    }
    const targets = targetsFromDraft(account.provider, draft, account.targets);
    const empty = noTargetsWords(account.provider, targets);
    problem.clear();
    if (empty) {
      problem.fail(new Error(`targets: ${empty}`));
      return;
    }
    setBusy(true);
    try {
      await update({
        id: account.id,
        label: label.trim() || account.label,
        baseUrl: baseUrl.trim(),
        targets,
        ...(providerDescriptor(account.provider)?.autoTargets ? { autoTargets } : {}),
        ...(newKey ? { key: newKey } : {}),
        // Sent only when changed, so saving a label never rewrites the overrides.
        ...(draftChanged(assumed, account.assumptions) ? { assumptions: assumptionsFromDraft(assumed) } : {}),
      });
      setNewKey('');
      onDone();
    } catch (err) {
      problem.fail(err);
      setBusy(false);
    }
  };

  return (
    <form className="form account-editor" aria-label={`Edit ${account.label}`} onSubmit={submit}>
      <label className="field">
        <span>Label</span>
        <input value={label} {...problem.attrs('label')} onChange={(e) => (setLabel(e.target.value), problem.edited('label'))} />
      </label>
      {problem.message('label')}
      <label className="field">
        <span>Base URL</span>
        <input
          value={baseUrl}
          inputMode="url"
          {...problem.attrs('baseUrl')}
          onChange={(e) => (setBaseUrl(e.target.value), problem.edited('baseUrl'))}
        />
      </label>
      {problem.message('baseUrl')}
      <label className="field">
        <span>Replace API key</span>
        <input
          type="password"
          value={newKey}
          autoComplete="off"
          spellCheck={false}
          placeholder={account.hasKey ? replaceKeyPlaceholder(keyStore) : 'No key stored'}
          {...problem.attrs('key')}
          onChange={(e) => (setNewKey(e.target.value), problem.edited('key'))}
        />
      </label>
      {problem.message('key')}
      {providerDescriptor(account.provider)?.autoTargets && (
        <label className="check">
          <input type="checkbox" checked={autoTargets} onChange={(e) => setAutoTargets(e.target.checked)} />
          Watch every script
        </label>
      )}
      <TargetFields
        provider={account.provider}
        draft={draft}
        onChange={(d) => (setDraft(d), problem.edited('targets'))}
        idPrefix={`edit-${account.id}`}
        found={result?.ok ? result.found : undefined}
      />
      {problem.message('targets')}
      <ProviderDetails
        provider={account.provider}
        baseUrl={baseUrl}
        draft={assumed}
        onChange={(d) => (setAssumed(d), setDetailsError(null))}
        idPrefix={`edit-${account.id}`}
      />
      <AccountFormFooter result={result} error={detailsError ?? problem.formError} onCancel={onDone}>
        <button type="button" disabled={busy} onClick={runTest}>
          Test connection
        </button>
        {/* The stored key and server: a key typed above is tested, not used to discover. */}
        <button type="button" disabled={busy || newKey !== '' || baseUrl.trim() !== account.baseUrl} onClick={runDiscover}>
          Discover targets
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      </AccountFormFooter>
    </form>
  );
}
