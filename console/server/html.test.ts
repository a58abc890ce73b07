// Table tests of the escaping template: every interpolation is escaped, nested templates and arrays
// pass through once, falsy values vanish, JSON attributes cannot break out of their quotes.
import { expect, test } from 'bun:test';
import { escapeHtml, html, jsonAttr, raw } from './html';

test.each([
  ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
  [`" onmouseover='x'`, '&quot; onmouseover=&#39;x&#39;'],
  ['a & b', 'a &amp; b'], ['`tick`', '&#96;tick&#96;'], ['plain', 'plain'],
])('escapeHtml(%p)', (input, output) => expect(escapeHtml(input)).toBe(output));

test('interpolations are escaped, nested templates and arrays are not escaped twice', () => {
  const name = '<b>x</b>';
  const items = ['a<', 'b>'].map((s) => html`<li>${s}</li>`);
  expect(html`<p title="${name}">${name}</p><ul>${items}</ul>`.value)
    .toBe('<p title="&lt;b&gt;x&lt;/b&gt;">&lt;b&gt;x&lt;/b&gt;</p><ul><li>a&lt;</li><li>b&gt;</li></ul>');
});

test.each([[null, ''], [undefined, ''], [false, ''], [0, '0'], [true, 'true'], [raw('<i>'), '<i>']] as const)('html renders %p as %p', (value, text) => {
  expect(html`${value}`.value).toBe(text);
});

test('jsonAttr survives a hostile string and parses back', () => {
  const value = { s: `"></div><script>x</script>'` };
  const markup = html`<div data-x="${jsonAttr(value)}"></div>`.value;
  expect(markup).not.toContain('<script>');
  const attr = /data-x="([^"]*)"/.exec(markup)![1]!;
  const decoded = attr.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');
  expect(JSON.parse(decoded)).toEqual(value);
});
