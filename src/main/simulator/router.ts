/**
 * Path handling shared by the three fake providers. Paths are split on '/' and
 * each segment is decoded on its own; nothing is normalised, so an encoded
 * "../../live-users" stays one segment and lands on the route that takes an id.
 */
export function splitPath(rawUrl: string): { segments: string[]; rawPath: string; query: URLSearchParams } {
  const q = rawUrl.indexOf('?');
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1));
  const parts = rawPath.split('/');
  if (parts[0] === '') parts.shift(); // the leading slash
  const segments = parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part; // malformed escapes stay as sent; they simply match no id
    }
  });
  return { segments, rawPath, query };
}

export type Params = Record<string, string>;

interface Route<H> {
  method: string;
  parts: string[];
  handler: H;
}

/** Minimal method + pattern router ('sessions/:id/info'); segment counts must match exactly. */
export class Router<H> {
  private readonly routes: Array<Route<H>> = [];

  add(method: string, pattern: string, handler: H): this {
    this.routes.push({ method, parts: pattern.split('/'), handler });
    return this;
  }

  /** The handler and params, 'wrong_method' when only the method differs, or null. */
  resolve(method: string, segments: string[]): { handler: H; params: Params } | 'wrong_method' | null {
    let pathMatched = false;
    for (const route of this.routes) {
      const params = match(route.parts, segments);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? 'wrong_method' : null;
  }
}

function match(parts: string[], segments: string[]): Params | null {
  if (parts.length !== segments.length) return null;
  const params: Params = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const seg = segments[i] as string;
    if (part.startsWith(':')) params[part.slice(1)] = seg;
    else if (part !== seg) return null;
  }
  return params;
}
