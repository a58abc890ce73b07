// Table tests of explainValueErrors on real TypeBox errors: unions resolved by discriminator,
// nested unions, plain unions, one problem per path, and no rejected value in any message.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { TypeCompiler } from 'elysia/type-system';
import { explainValueErrors, type ValueErrorLike } from './validation-details';

const Sizing = t.Union([
  t.Object({ mode: t.Literal('proportional'), k: t.Number({ exclusiveMinimum: 0 }) }, { additionalProperties: false }),
  t.Object({ mode: t.Literal('fixed_notional'), usd: t.Number({ exclusiveMinimum: 0 }) }, { additionalProperties: false }),
]);
const Body = t.Object({ name: t.String({ minLength: 1 }), sizing: Sizing }, { additionalProperties: false });
const Plain = t.Union([t.String({ format: 'integer' }), t.Integer()]);

const problemsOf = (schema: Parameters<typeof TypeCompiler.Compile>[0], value: unknown) =>
  explainValueErrors(TypeCompiler.Compile(schema).Errors(value) as unknown as Iterable<ValueErrorLike>);

describe('explainValueErrors', () => {
  const cases: [string, unknown, [string, string][]][] = [
    ['valid', { name: 'a', sizing: { mode: 'proportional', k: 1 } }, []],
    ['bad k in the variant the mode names', { name: 'a', sizing: { mode: 'proportional', k: -1 } }, [['/sizing/k', 'Expected number to be greater than 0']]],
    ['missing usd in fixed_notional', { name: 'a', sizing: { mode: 'fixed_notional' } }, [['/sizing/usd', 'Expected required property']]],
    ['unknown mode reported on the discriminator', { name: 'a', sizing: { mode: 'x', k: 1 } }, [['/sizing/mode', 'Expected one of "proportional", "fixed_notional"']]],
    ['union value not an object', { name: 'a', sizing: 5 }, [['/sizing', 'Expected object']]],
    ['extra field and empty name together', { name: '', sizing: { mode: 'proportional', k: 1 }, x: 1 }, [
      ['/x', 'Unexpected property'], ['/name', 'Expected string length greater or equal to 1'],
    ]],
  ];
  test.each(cases)('%s', (_case, value, expected) => {
    const problems = problemsOf(Body, value).map((p) => [p.path, p.message]);
    expect(problems.sort()).toEqual([...expected].sort());
  });

  test('a plain union is explained by its closest variant', () => {
    expect(problemsOf(Plain, 1.5)).toEqual([{ path: '', message: 'Expected integer' }]);
  });

  test('messages never contain the rejected value (field names are echoed, values never)', () => {
    const secret = 'SECRET-VALUE-123';
    const problems = problemsOf(t.Object({ key: t.String({ pattern: '^\\S+$' }), n: t.Number() }, { additionalProperties: false }),
      { key: `${secret} x`, n: secret, extra: secret });
    expect(problems.length).toBe(3);
    expect(JSON.stringify(problems)).not.toContain('SECRET-VALUE');
  });
});
