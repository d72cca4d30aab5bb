/**
 * Saves text as a file from the window: a Blob behind a temporary download link, which works the
 * same in Electron (its save dialog) and in the browser build (the browser's download).
 */
export function downloadText(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled; revoking at once can cancel the download in Chromium.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file-name-safe form of a series label: "Demo hub 1 · Demo LuaProt" → "demo-hub-1-demo-luaprot". */
export function fileSlug(text: string): string {
  // Split on runs of anything else and rejoin: no dashes at the ends, and no backtracking regex.
  const words = text.toLowerCase().normalize('NFKD').split(/[^a-z0-9]+/).filter(Boolean);
  return words.join('-').slice(0, 60) || 'series';
}
