// Fails when proto/gen/ is not exactly what scripts/gen-proto.ts derives from the .proto sources (hand edits, stale output).
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedDir, generatedNames, generateProtoCode, listProtoSources, staleGeneratedFiles, writeGenerated } from '../scripts/gen-proto';

describe('generated proto code', () => {
  const fresh = generateProtoCode();

  test('proto/gen is byte-identical to a fresh generation', () => {
    expect(fresh.map((file) => file.name)).toEqual([...generatedNames]);
    for (const file of fresh) {
      expect(readFileSync(join(generatedDir, file.name), 'utf8')).toBe(file.text);
    }
    expect(staleGeneratedFiles(fresh)).toEqual([]);
  });

  test('generation is deterministic and every output starts with the generated-file header', () => {
    const again = generateProtoCode();
    expect(again).toEqual(fresh);
    for (const file of fresh) expect(file.text.startsWith('// GENERATED FILE - DO NOT EDIT.')).toBe(true);
    expect(listProtoSources()).toEqual([
      'proto/whalecopy/v1/common.proto',
      'proto/whalecopy/v1/control.proto',
      'proto/whalecopy/v1/report.proto',
      'proto/whalecopy/v1/signal.proto',
    ]);
  });

  test('a hand edit or a missing file is reported as stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wc-proto-check-'));
    try {
      writeGenerated(fresh, dir);
      expect(staleGeneratedFiles(fresh, dir)).toEqual([]);
      const js = join(dir, 'whalecopy.js');
      writeFileSync(js, readFileSync(js, 'utf8').replace('SIDE_BUY', 'SIDE_BUY_EDITED'));
      expect(staleGeneratedFiles(fresh, dir)).toEqual(['whalecopy.js']);
      rmSync(join(dir, 'whalecopy.d.ts'));
      expect(staleGeneratedFiles(fresh, dir)).toEqual(['whalecopy.js', 'whalecopy.d.ts']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
