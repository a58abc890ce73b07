// Server-side HTML templating: a tagged template that escapes every interpolated value unless it is
// already SafeHtml. Pure; templates build strings, they never read requests or sessions.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!);
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  // false, null and undefined render as nothing so `${cond && html`...`}` works.
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** `html\`<p>${text}</p>\`` with `text` escaped; nested html results and arrays of them pass through. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return new SafeHtml(out);
}

/** Trusted markup as is (only for strings this program built itself). */
export const raw = (markup: string): SafeHtml => new SafeHtml(markup);

/** A value as JSON inside a double-quoted attribute (escaped, so it cannot close the attribute). */
export const jsonAttr = (value: unknown): SafeHtml => new SafeHtml(escapeHtml(JSON.stringify(value)));
