import type { TestResult } from '../../../shared/ipc-contract';
import { explainError } from '../../../shared/errors';

/** A connection test in words: what was found, or what went wrong and what to do. */
export function TestResultText({ result }: { result: TestResult }) {
  if (result.ok) {
    const found = result.found ?? [];
    return (
      <div className="test-result ok" role="status">
        <p>
          Connected.{' '}
          {found.length === 0
            ? 'The key works; no targets were found yet.'
            : `Found ${found.length} target${found.length === 1 ? '' : 's'}: ${found
                .slice(0, 6)
                .map((f) => (f.count != null ? `${f.label} (${f.count} live)` : f.label))
                .join(', ')}${found.length > 6 ? '…' : ''}.`}
        </p>
      </div>
    );
  }
  const explanation = result.explanation ?? (result.error ? explainError(result.error) : null);
  return (
    <div className="test-result failed" role="alert">
      <p className="problem-title">{explanation?.title ?? 'The connection test failed.'}</p>
      {explanation && <p className="problem-advice">{explanation.advice}</p>}
    </div>
  );
}
