import { PyFloat } from '../rpc/py.js';

/*
 * XML-RPC responses written the way Python's xmlrpc.client.Marshaller (which Odoo uses) writes them.
 * Requests are parsed with @foxglove/xmlrpc; its serializer is not used for responses because it
 * cannot emit `<double>` for an integral float (Odoo sends `<double>0.0</double>` for amounts), nor a
 * string faultCode (Odoo's legacy /xmlrpc/ endpoints), and it wraps text in CDATA where Python escapes.
 */

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function value(v: unknown, out: string[]): void {
  if (v instanceof PyFloat) {
    out.push(`<value><double>${v.toString()}</double></value>\n`);
  } else if (typeof v === 'boolean') {
    out.push(`<value><boolean>${v ? 1 : 0}</boolean></value>\n`);
  } else if (typeof v === 'number') {
    out.push(
      Number.isInteger(v) ? `<value><int>${v}</int></value>\n` : `<value><double>${v}</double></value>\n`,
    );
  } else if (typeof v === 'string') {
    out.push(`<value><string>${escapeXml(v)}</string></value>\n`);
  } else if (Array.isArray(v)) {
    out.push('<value><array><data>\n');
    for (const item of v) value(item, out);
    out.push('</data></array></value>\n');
  } else if (v && typeof v === 'object') {
    out.push('<value><struct>\n');
    for (const [k, item] of Object.entries(v)) {
      out.push(`<member>\n<name>${escapeXml(k)}</name>\n`);
      value(item, out);
      out.push('</member>\n');
    }
    out.push('</struct></value>\n');
  } else {
    // Python's marshaller refuses None (allow_none=False); callers turn None into a fault before this.
    throw new TypeError('cannot marshal None unless allow_none is enabled');
  }
}

/** A `<methodResponse>` with one param. */
export function marshalResponse(result: unknown): string {
  const out: string[] = ['<?xml version="1.0"?>\n<methodResponse>\n<params>\n<param>\n'];
  value(result, out);
  out.push('</param>\n</params>\n\n</methodResponse>\n');
  return out.join('');
}

/** A `<fault>`; `faultCode` is an int on /xmlrpc/2 and a string on the legacy /xmlrpc endpoints. */
export function marshalFault(faultCode: number | string, faultString: string): string {
  const out: string[] = ['<?xml version="1.0"?>\n<methodResponse>\n<fault>\n'];
  value({ faultCode, faultString }, out);
  out.push('</fault>\n\n</methodResponse>\n');
  return out.join('');
}
