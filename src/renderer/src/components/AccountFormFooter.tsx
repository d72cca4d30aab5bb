import type { ReactNode } from 'react';
import type { TestResult } from '../../../shared/ipc-contract';
import { TestResultText } from './TestResultText';

/**
 * The end of an account form (add or edit): the last connection test in words, an error as an
 * alert, and the button row that starts with Cancel; the form's own buttons follow as children.
 */
export function AccountFormFooter({
  result,
  error,
  onCancel,
  children,
}: {
  result: TestResult | null;
  error: string | null;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <>
      {result && <TestResultText result={result} />}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {children}
      </div>
    </>
  );
}
