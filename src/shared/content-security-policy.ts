/**
 * The window's Content-Security-Policy: one definition for the Electron
 * response header, the browser bridge and (checked by a test) the meta tag in
 * src/renderer/index.html that applies to the packaged file:// page.
 * No inline script or style elements, nothing remote. React and uPlot set
 * styles through the CSSOM (element.style), which style-src does not restrict.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Served as a header (Electron, the bridge): frame-ancestors only works there, a meta tag ignores it. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;

/**
 * Only for `npm run dev`: Vite's dev server injects <style> elements, an inline
 * React-refresh preamble and a WebSocket for hot reload. Never used in a build.
 */
export const DEV_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws://localhost:* ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
