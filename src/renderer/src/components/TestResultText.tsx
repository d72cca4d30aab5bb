import type { TestResult } from '../../../shared/ipc-contract';
import { explainError, keyAdvice } from '../../../shared/errors';
import { plural } from '../../../shared/plural';

/**
 * What a successful test found, in the same words wherever it is shown (the form and the notice after
 * adding): "Found 2 targets: Phantom Hub (12 live), …".
 */
export function foundInWords(found: NonNullable<TestResult['found']>): string {
  if (found.length === 0) return 'The key works; no targets were found yet.';
  const names = found
    .slice(0, 6)
    .map((f) => (f.count != null ? `${f.label} (${f.count} live)` : f.label))
    .join(', ');
  return `Found ${plural(found.length, 'target')}: ${names}${found.length > 6 ? '…' : ''}.`;
}

/** A connection test in words: what was found, or what went wrong and what to do. */
export function TestResultText({ result }: { result: TestResult }) {
  if (result.ok) {
    const found = result.found ?? [];
    return (
      <div className="test-result ok" role="status">
        <p>
          Connected. {foundInWords(found)}
        </p>
      </div>
    );
  }
  const explained = result.explanation ?? (result.error ? explainError(result.error) : null);
  // Shown in an account form, right below the key field: the key is "above", not "in Accounts".
  const explanation = explained && { ...explained, advice: explained.advice.replace(keyAdvice('in Accounts'), keyAdvice('above')) };
  return (
    <div className="test-result failed" role="alert">
      <p className="problem-title">{explanation?.title ?? 'The connection test failed.'}</p>
      {explanation && <p className="problem-advice">{explanation.advice}</p>}
    </div>
  );
}
