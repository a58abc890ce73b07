// stop() leaves nothing behind: a process that ran feeds on both venues exits by itself once they stop.
import { expect, test } from 'bun:test';

test('a process whose feeds are stopped exits on its own (no socket, timer or promise left)', async () => {
  const proc = Bun.spawn([process.execPath, `${import.meta.dir}/stop-probe.fixture.ts`], { stdout: 'pipe', stderr: 'pipe' });
  const deadline = setTimeout(() => proc.kill(), 20_000);
  const [code, out, err] = await Promise.all([proc.exited, new Response(proc.stdout).text(), new Response(proc.stderr).text()]);
  clearTimeout(deadline);
  expect({ code, out: out.trim(), err: err.trim() }).toEqual({ code: 0, out: 'stopped', err: '' });
}, 30_000);
