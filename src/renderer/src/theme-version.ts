import { useEffect, useState } from 'react';

/**
 * A number that changes whenever the page's colours may have: the theme setting (html[data-theme],
 * set by App's useTheme) or, with the "system" theme, the OS switching light/dark. Canvas charts
 * read their colours once when drawn, so they redraw when this changes (no reload).
 */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
    const dark = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    dark?.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      dark?.removeEventListener('change', bump);
    };
  }, []);
  return version;
}
