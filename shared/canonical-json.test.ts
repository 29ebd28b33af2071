import { describe, expect, it } from 'vitest';
import { canonicalJson, sameJson } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('is the same for the same value with its keys in another order, at any depth', () => {
    const fresh = [{ member: { role: 'mentee', last_name: 'Карпова', sex: null }, kind: 'student' }];
    // What extension storage hands back: the same list, each object's keys sorted.
    const kept = [{ kind: 'student', member: { last_name: 'Карпова', role: 'mentee', sex: null } }];
    expect(JSON.stringify(fresh)).not.toBe(JSON.stringify(kept));
    expect(sameJson(fresh, kept)).toBe(true);
  });

  it('tells different values apart: a value, an array’s order, null from a missing key', () => {
    expect(sameJson({ a: 1 }, { a: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({ a: null }, {})).toBe(false);
    expect(sameJson(null, [])).toBe(false);
  });

  it('writes arrays and objects as JSON writes them, keys sorted, nothing between the items but a comma', () => {
    expect(canonicalJson([{ b: 1, a: [2, 1] }, 'x', null])).toBe('[{"a":[2,1],"b":1},"x",null]');
    expect(canonicalJson([])).toBe('[]');
    expect(JSON.parse(canonicalJson({ z: [{ y: 'ё' }], a: true }))).toEqual({ a: true, z: [{ y: 'ё' }] });
  });

  it('leaves out keys holding undefined, as JSON does', () => {
    expect(canonicalJson({ b: undefined, a: 'x' })).toBe('{"a":"x"}');
    expect(sameJson({ a: undefined }, {})).toBe(true);
  });
});
