import { describe, expect, it } from '@jest/globals';
import { PyFloat } from '../rpc/py.js';
import { marshalFault, marshalResponse } from './xml-marshal.js';

describe('XML-RPC marshalling like Python', () => {
  it('keeps floats as <double>, escapes text and never emits <nil/> or dateTime', () => {
    const xml = marshalResponse({ amount: new PyFloat(0), qty: 2, ok: true, name: 'A & <B>', ids: [] });
    expect(xml).toContain('<value><double>0.0</double></value>');
    expect(xml).toContain('<value><int>2</int></value>');
    expect(xml).toContain('<value><boolean>1</boolean></value>');
    expect(xml).toContain('<value><string>A &amp; &lt;B&gt;</string></value>');
    expect(xml).toContain('<value><array><data>\n</data></array></value>');
    expect(() => marshalResponse(undefined)).toThrow('cannot marshal None');
  });

  it('writes int and string fault codes', () => {
    expect(marshalFault(3, 'Access Denied')).toContain('<name>faultCode</name>\n<value><int>3</int></value>');
    expect(marshalFault('warning -- UserError\n\nx', '')).toContain(
      '<value><string>warning -- UserError\n\nx</string></value>',
    );
  });
});
