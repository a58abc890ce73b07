// Builds the browser bundle (htmx + Lit widgets) with Bun.build at startup, in memory, and serves it and
// the stylesheet under /assets/ with content-hashed names. Nothing is checked in; the build is reproducible.
import { resolve } from 'node:path';
import type { Assets } from '../pages/layout';
import { SECURITY_HEADERS } from './context';

export class AssetBuildError extends Error {
  readonly code = 'asset_build_failed' as const;
  constructor(readonly logs: string[], options: { cause?: unknown } = {}) {
    super(`the console's browser bundle failed to build:\n${logs.join('\n')}`, options);
    this.name = 'AssetBuildError';
  }
}

export interface BuiltAssets {
  assets: Assets;
  /** The asset at this path (under /assets/), or undefined. */
  serve(path: string): Response | undefined;
}

const CLIENT_ENTRY = resolve(import.meta.dir, '../client/main.ts');
const STYLESHEET = resolve(import.meta.dir, '../assets/console.css');

const hashOf = (bytes: Uint8Array) => new Bun.CryptoHasher('sha256').update(bytes).digest('hex').slice(0, 12);

export async function buildAssets(options: { minify?: boolean } = {}): Promise<BuiltAssets> {
  let result: Awaited<ReturnType<typeof Bun.build>>;
  try {
    result = await Bun.build({
      entrypoints: [CLIENT_ENTRY], target: 'browser', format: 'esm', minify: options.minify ?? true, sourcemap: 'none',
      // Lit's production build (no dev-mode warnings or checks).
      conditions: ['production'], define: { 'process.env.NODE_ENV': '"production"' },
    });
  } catch (cause) {
    const logs = (cause as { errors?: unknown[] }).errors?.map(String) ?? [String(cause)];
    throw new AssetBuildError(logs, { cause });
  }
  if (!result.success) throw new AssetBuildError(result.logs.map(String));
  const entry = result.outputs.find((o) => o.kind === 'entry-point');
  if (entry === undefined) throw new AssetBuildError(['no entry point in the build output']);
  const script = new Uint8Array(await entry.arrayBuffer());
  const style = new Uint8Array(await Bun.file(STYLESHEET).arrayBuffer());
  const files = new Map<string, { bytes: Uint8Array<ArrayBuffer>; type: string }>([
    [`/assets/app-${hashOf(script)}.js`, { bytes: script, type: 'text/javascript; charset=utf-8' }],
    [`/assets/console-${hashOf(style)}.css`, { bytes: style, type: 'text/css; charset=utf-8' }],
  ]);
  const [scriptPath, stylePath] = [...files.keys()] as [string, string];
  return {
    assets: { script: scriptPath, style: stylePath },
    serve(path) {
      const file = files.get(path);
      if (file === undefined) return undefined;
      return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
        headers: { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable', ...SECURITY_HEADERS },
      });
    },
  };
}
