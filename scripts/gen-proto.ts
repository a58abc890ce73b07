// Derives proto/gen/whalecopy.{js,d.ts} from proto/**/*.proto with protobufjs-cli (pbjs static-module es6 + pbts).
// Owns code generation only; it never edits .proto sources. `--check` fails when the committed output is stale.
// Usage: npx bun scripts/gen-proto.ts [--check]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dir, '..');
export const protoRoot = join(repoRoot, 'proto');
export const generatedDir = join(protoRoot, 'gen');
export const generatedNames = ['whalecopy.js', 'whalecopy.d.ts'] as const;

export interface GeneratedFile {
  readonly name: (typeof generatedNames)[number];
  readonly text: string;
}

export class ProtoGenerationError extends Error {
  readonly code = 'proto_generation_failed' as const;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProtoGenerationError';
  }
}

/** Every .proto under proto/ (gen/ excluded), relative to the repo root, sorted so output is stable. */
export function listProtoSources(root: string = protoRoot): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && path !== generatedDir) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.proto')) found.push(relative(repoRoot, path));
    }
  };
  walk(root);
  return found.sort();
}

function header(sources: readonly string[]): string {
  return [
    '// GENERATED FILE - DO NOT EDIT. Produced by scripts/gen-proto.ts (protobufjs-cli) from:',
    ...sources.map((source) => `//   ${source}`),
    '// Edit the .proto sources and run `npx bun scripts/gen-proto.ts`; `bun test proto` fails on stale output.',
    '',
  ].join('\n');
}

/** pbts runs jsdoc, which needs Node itself (not Bun), so both CLIs run under `node`.
 * Paths stay repo-relative: pbjs would load a file twice if an import and an argument spelled it differently. */
function runCli(bin: 'pbjs' | 'pbts', args: readonly string[]): void {
  const require = createRequire(import.meta.url);
  const script = require.resolve(`protobufjs-cli/bin/${bin}`);
  const run = spawnSync('node', [script, ...args], { cwd: repoRoot, encoding: 'utf8' });
  if (run.error !== undefined || run.status !== 0) {
    throw new ProtoGenerationError(`${bin} failed (exit ${run.status}): ${run.stderr}`, { cause: run.error });
  }
}

/** Generates both files in memory (through a private temp dir) without touching proto/gen. */
export function generateProtoCode(): GeneratedFile[] {
  const sources = listProtoSources();
  if (sources.length === 0) throw new ProtoGenerationError(`no .proto files under ${protoRoot}`);
  const work = mkdtempSync(join(tmpdir(), 'wc-gen-proto-'));
  try {
    const jsPath = join(work, 'whalecopy.js');
    const dtsPath = join(work, 'whalecopy.d.ts');
    runCli('pbjs', ['-t', 'static-module', '-w', 'es6', '-p', 'proto', '-o', jsPath, ...sources]);
    runCli('pbts', ['-o', dtsPath, jsPath]);
    const banner = header(sources);
    return [
      { name: 'whalecopy.js', text: banner + readFileSync(jsPath, 'utf8') },
      { name: 'whalecopy.d.ts', text: banner + readFileSync(dtsPath, 'utf8') },
    ];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function writeGenerated(files: readonly GeneratedFile[], dir: string = generatedDir): void {
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file.name), file.text);
}

/** Names of committed files that differ from (or are missing compared with) a fresh generation. */
export function staleGeneratedFiles(files: readonly GeneratedFile[], dir: string = generatedDir): string[] {
  return files
    .filter((file) => {
      const path = join(dir, file.name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== file.text;
    })
    .map((file) => file.name);
}

if (import.meta.main) {
  const files = generateProtoCode();
  if (process.argv.includes('--check')) {
    const stale = staleGeneratedFiles(files);
    if (stale.length > 0) {
      console.error(`stale generated proto code: ${stale.join(', ')}; run npx bun scripts/gen-proto.ts`);
      process.exit(1);
    }
    console.log('proto/gen is current');
  } else {
    writeGenerated(files);
    console.log(`wrote ${files.map((file) => `proto/gen/${file.name}`).join(', ')}`);
  }
}
