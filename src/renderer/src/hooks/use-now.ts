import { useEffect, useState } from 'react';

/**
 * The current time, renewed every `everyMs`: for words counted from a clock time ("retrying in 12 s",
 * "2 min ago") that must stay true between snapshots.
 */
export function useNow(everyMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
