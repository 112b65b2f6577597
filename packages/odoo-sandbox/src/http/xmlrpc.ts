import { Deserializer } from '@foxglove/xmlrpc';
import { OdooFault, toFault } from '../rpc/faults.js';
import type { RpcServices } from '../rpc/services.js';
import { marshalFault, marshalResponse } from './xml-marshal.js';
import { normalizeParams } from './normalize.js';
import type { HttpReply } from './reply.js';

const XML = 'text/xml; charset=utf-8';

/** `/xmlrpc/2/<service>` (int fault codes) and the legacy `/xmlrpc/<service>` (string fault codes). */
export async function handleXmlRpc(
  services: RpcServices,
  service: string,
  legacy: boolean,
  body: string,
): Promise<HttpReply> {
  let method: string;
  let params: unknown[];
  try {
    [method, params] = await new Deserializer().deserializeMethodCall(body);
  } catch (error) {
    const fault = new OdooFault(
      'xml.parsers.expat.ExpatError',
      error instanceof Error ? error.message.split('\n')[0]! : 'no element found',
    );
    return reply(faultXml(fault, legacy, service));
  }
  try {
    const result = services.dispatch(service, method, normalizeParams(params) as unknown[]);
    if (result === undefined) {
      // Python None: the call has committed, then marshalling fails (allow_none=False), as in Odoo 18.
      return reply(
        faultXml(
          new OdooFault('builtins.TypeError', 'cannot marshal None unless allow_none is enabled'),
          legacy,
          service,
        ),
      );
    }
    return reply(marshalResponse(result));
  } catch (error) {
    return reply(faultXml(toFault(error), legacy, service));
  }
}

const reply = (body: string): HttpReply => ({ status: 200, contentType: XML, body });

function faultXml(fault: OdooFault, legacy: boolean, service: string): string {
  const where = `xmlrpc/${service}`;
  if (legacy) {
    // Odoo's xmlrpc_handle_exception_string.
    const kind = fault.pyName.split('.').pop()!;
    if (fault.pyName === 'odoo.exceptions.AccessDenied') return marshalFault('AccessDenied', fault.message);
    if (['MissingError', 'AccessError'].includes(kind))
      return marshalFault(`warning -- ${kind}\n\n${fault.message}`, '');
    if (fault.isUserError) return marshalFault(`warning -- UserError\n\n${fault.message}`, '');
    return marshalFault(fault.message, fault.traceback(where));
  }
  // Odoo's xmlrpc_handle_exception_int.
  if (fault.pyName === 'odoo.exceptions.AccessError') return marshalFault(4, fault.message);
  if (fault.pyName === 'odoo.exceptions.AccessDenied') return marshalFault(3, fault.message);
  if (fault.isUserError) return marshalFault(2, fault.message);
  return marshalFault(1, fault.traceback(where));
}
