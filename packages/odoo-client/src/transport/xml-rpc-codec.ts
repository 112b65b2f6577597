import { Deserializer, serializeMethodCall, XmlRpcFault } from '@foxglove/xmlrpc';
import { decodeXmlRpcFault, type OdooFault } from '../errors/map-fault.js';
import { fromXmlWire, toXmlWire } from './wire-values.js';

// @foxglove/xmlrpc writes dates as `2000-01-01T00:00:00.000Z`; Python's xmlrpc.client (Odoo)
// only parses `%Y%m%dT%H:%M:%S`. The library has no public hook for that, so the finished XML is
// rewritten; CDATA sections (user text containing `<`) are matched first and left untouched.
const DATE_OR_CDATA =
  /<!\[CDATA\[[\s\S]*?\]\]>|<dateTime\.iso8601>(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2}:\d{2})\.\d{3}Z<\/dateTime\.iso8601>/g;

/** A `<methodCall>` body that Odoo's XML-RPC endpoints accept. */
export function encodeXmlRpcCall(method: string, params: unknown[]): string {
  const xml = serializeMethodCall(method, params.map(toXmlWire));
  return xml.replace(DATE_OR_CDATA, (whole, y?: string, m?: string, d?: string, time?: string) =>
    y === undefined ? whole : `<dateTime.iso8601>${y}${m}${d}T${time}</dateTime.iso8601>`,
  );
}

export type XmlRpcOutcome = { ok: true; value: unknown } | { ok: false; fault: OdooFault };

const FAULT_OPEN = /^(\s*(?:<\?xml[^>]*\?>)?\s*<methodResponse>\s*)<fault>/;

/**
 * Parses a `<methodResponse>`. @foxglove/xmlrpc drops a fault's code when it is not an int (the
 * legacy `/xmlrpc/object` endpoint puts the message in a string `faultCode`), so a fault is read
 * as a plain struct by parsing its body as if it were a `<params>` response.
 */
export async function decodeXmlRpcResponse(xml: string): Promise<XmlRpcOutcome> {
  if (FAULT_OPEN.test(xml)) {
    const close = xml.lastIndexOf('</fault>');
    const asParams =
      xml.slice(0, close).replace(FAULT_OPEN, '$1<params><param>') +
      '</param></params>' +
      xml.slice(close + 8);
    const struct = (await new Deserializer().deserializeMethodResponse(asParams)) as Record<string, unknown>;
    return { ok: false, fault: decodeXmlRpcFault(struct.faultCode, struct.faultString) };
  }
  try {
    return { ok: true, value: fromXmlWire(await new Deserializer().deserializeMethodResponse(xml)) };
  } catch (error) {
    // Not reached for Odoo's faults (handled above); kept for other XML-RPC servers.
    if (error instanceof XmlRpcFault) {
      return { ok: false, fault: decodeXmlRpcFault(error.faultCode, error.faultString) };
    }
    throw error;
  }
}

/** Parses a `<methodCall>` (used by tests and fakes to compare requests structurally). */
export async function decodeXmlRpcCall(xml: string): Promise<{ method: string; params: unknown[] }> {
  const [method, params] = await new Deserializer().deserializeMethodCall(xml);
  return { method, params: params.map(fromXmlWire) };
}
