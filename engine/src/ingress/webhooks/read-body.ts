// Reads a request body as UTF-8 text, stopping as soon as it exceeds a byte limit (a chunked body
// without Content-Length is not buffered past the limit). No framework types.

/**
 * The body text, or undefined when it is longer than `maxBytes`. With a declared Content-Length within
 * the limit the body is read in one go (Bun caps it at that length); otherwise it is streamed.
 */
export async function readBodyLimited(request: Request, maxBytes: number, declaredLength?: number): Promise<string | undefined> {
  if (declaredLength !== undefined && declaredLength <= maxBytes) {
    const text = await request.text();
    return Buffer.byteLength(text) > maxBytes ? undefined : text;
  }
  const body = request.body;
  if (body === null) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return new TextDecoder().decode(chunks[0]);
  const all = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** A Content-Length header as a number; undefined when absent or not a plain non-negative integer. */
export function contentLengthOf(headers: Headers): number | undefined {
  const raw = headers.get('content-length');
  return raw !== null && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}
