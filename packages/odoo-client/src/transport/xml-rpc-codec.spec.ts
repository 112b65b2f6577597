import { describe, expect, it } from '@jest/globals';
import { decodeXmlRpcCall, decodeXmlRpcResponse, encodeXmlRpcCall } from './xml-rpc-codec.js';

describe('XML-RPC codec', () => {
  it('writes datetimes the way Python (Odoo) parses them', () => {
    const xml = encodeXmlRpcCall('execute_kw', [
      [['date_order', '>=', new Date(Date.UTC(2000, 0, 1, 8, 5, 9))]],
    ]);
    expect(xml).toContain('<dateTime.iso8601>20000101T08:05:09</dateTime.iso8601>');
  });

  it('leaves user text that looks like a date tag alone', () => {
    const text = '<dateTime.iso8601>2000-01-01T00:00:00.000Z</dateTime.iso8601>';
    const xml = encodeXmlRpcCall('m', [text]);
    expect(xml).toContain(`<![CDATA[${text}]]>`);
  });

  it('round-trips nil, booleans, doubles, nested structs and arrays, dropping undefined members', async () => {
    const params = [null, true, false, 78.6, 5, 'ñandú & <p>', { a: [1, { b: null }], skip: undefined }, []];
    const { method, params: back } = await decodeXmlRpcCall(encodeXmlRpcCall('x', params));
    expect(method).toBe('x');
    expect(back).toEqual([null, true, false, 78.6, 5, 'ñandú & <p>', { a: [1, { b: null }] }, []]);
  });

  it('reads a fault with a string faultCode (legacy endpoint)', async () => {
    const xml =
      '<?xml version="1.0"?>\n<methodResponse>\n<fault>\n<value><struct>\n<member>\n<name>faultCode</name>\n' +
      "<value><string>warning -- UserError\n\nObject x doesn't exist</string></value>\n</member>\n<member>\n" +
      '<name>faultString</name>\n<value><string></string></value>\n</member>\n</struct></value>\n</fault>\n\n</methodResponse>\n';
    expect(await decodeXmlRpcResponse(xml)).toEqual({
      ok: false,
      fault: { name: 'UserError', message: "Object x doesn't exist" },
    });
  });
});
