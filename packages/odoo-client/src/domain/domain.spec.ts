import { describe, expect, it } from '@jest/globals';
import { domain } from './domain.js';

describe('domain builder', () => {
  it('ANDs conditions implicitly', () => {
    expect(domain().where('sale_ok', '=', true).where('name', 'ilike', 'vinilo').build()).toEqual([
      ['sale_ok', '=', true],
      ['name', 'ilike', 'vinilo'],
    ]);
  });

  it('builds the prefix OR of the recorded fixture', () => {
    const d = domain()
      .where('name', 'ilike', 'deco')
      .or(domain().where('email', 'ilike', 'wood'));
    expect(d.build()).toEqual(['|', ['name', 'ilike', 'deco'], ['email', 'ilike', 'wood']]);
  });

  it('wraps multi-condition operands in & so the OR covers the whole operand', () => {
    const d = domain()
      .where('a', '=', 1)
      .where('b', '=', 2)
      .or([['c', '=', 3]], domain().where('d', '=', 4));
    expect(d.build()).toEqual(['|', '|', '&', ['a', '=', 1], ['b', '=', 2], ['c', '=', 3], ['d', '=', 4]]);
  });

  it('ANDs an OR with further conditions', () => {
    const d = domain()
      .where('name', 'ilike', 'x')
      .or(domain().where('default_code', 'ilike', 'x'))
      .and(domain().where('sale_ok', '=', true));
    expect(d.build()).toEqual([
      '|',
      ['name', 'ilike', 'x'],
      ['default_code', 'ilike', 'x'],
      ['sale_ok', '=', true],
    ]);
  });

  it('negates the whole domain and treats an empty operand as "everything"', () => {
    expect(domain().where('a', '=', 1).where('b', '=', 2).not().build()).toEqual([
      '!',
      '&',
      ['a', '=', 1],
      ['b', '=', 2],
    ]);
    expect(domain().where('a', '=', 1).or(domain()).build()).toEqual([]);
  });

  it('is immutable and serialises as a plain array', () => {
    const base = domain().where('a', '=', 1);
    base.where('b', '=', 2);
    expect(JSON.stringify(base)).toBe('[["a","=",1]]');
  });
});
