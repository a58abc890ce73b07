// A small path router: patterns like /console/whales/:id, matched segment by segment, with decoded
// params. Pure matching; what runs for a match (sessions, CSRF) is the server's business.

export type Params = Record<string, string>;

export interface RouteMatch<T> {
  value: T;
  params: Params;
}

interface Entry<T> {
  method: string;
  segments: string[];
  value: T;
}

const split = (path: string) => path.split('/').filter((s) => s !== '');

export class Router<T> {
  private readonly entries: Entry<T>[] = [];

  add(method: string, pattern: string, value: T): this {
    this.entries.push({ method: method.toUpperCase(), segments: split(pattern), value });
    return this;
  }

  /** The first route for this method and path; `allowed` lists the methods of routes matching the path only. */
  match(method: string, path: string): { found?: RouteMatch<T>; allowed: string[] } {
    const parts = split(path);
    const allowed: string[] = [];
    for (const entry of this.entries) {
      const params = matchSegments(entry.segments, parts);
      if (params === undefined) continue;
      if (entry.method === method.toUpperCase()) return { found: { value: entry.value, params }, allowed };
      allowed.push(entry.method);
    }
    return { allowed };
  }
}

function matchSegments(pattern: string[], parts: string[]): Params | undefined {
  if (pattern.length !== parts.length) return undefined;
  const params: Params = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    if (p.startsWith(':')) {
      try {
        params[p.slice(1)] = decodeURIComponent(parts[i]!);
      } catch {
        return undefined;
      }
    } else if (p !== parts[i]) {
      return undefined;
    }
  }
  return params;
}
