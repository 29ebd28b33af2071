import { describe, expect, it } from 'vitest';
import { inlineParams } from './postgres.ts';

describe('inlineParams', () => {
  it('quotes every parameter as node-postgres would send it, and only the parameters', () => {
    expect(inlineParams('select $1, $2, $10, $3::int', ["it's", null, 1, 2, 3, 4, 5, 6, 7, 'ten'])).toBe(
      `select 'it''s', null, 'ten', '1'::int`,
    );
    expect(inlineParams('select $1::text[], $2::jsonb, $3', [['a', null], { a: 1 }, true])).toBe(
      `select '{"a",NULL}'::text[], '{"a":1}'::jsonb, 'true'`,
    );
    expect(() => inlineParams('select $2', [1])).toThrow();
  });

  it('refuses a NUL in a text as the server does (22021), never sending a message it cannot read', () => {
    expect(() => inlineParams('select $1', ['a\u0000b'])).toThrow(expect.objectContaining({ code: '22021' }));
    // In JSON it is the escape «\u0000», six characters: the server refuses it for jsonb itself (22P05).
    expect(inlineParams('select $1::jsonb', [{ a: '\u0000' }])).toBe(`select  E'{"a":"\\\\u0000"}'::jsonb`);
  });
});
