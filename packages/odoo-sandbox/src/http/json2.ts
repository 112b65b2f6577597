import { OdooFault, toFault } from '../rpc/faults.js';
import type { RpcServices } from '../rpc/services.js';
import type { HttpReply } from './reply.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/** HTTP status per exception, following Odoo 19's JSON-2 ("error responses use proper HTTP codes"). */
function statusOf(fault: OdooFault): number {
  switch (fault.pyName) {
    case 'odoo.exceptions.AccessDenied':
      return 401;
    case 'odoo.exceptions.AccessError':
      return 403;
    case 'odoo.exceptions.MissingError':
      return 404;
    case 'psycopg2.OperationalError':
      return 500;
    default:
      return 422;
  }
}

function error(status: number, name: string, message: string, args: unknown[], debug: string): HttpReply {
  return {
    status,
    contentType: JSON_TYPE,
    body: JSON.stringify({ name, message, arguments: args, context: {}, debug }),
  };
}

export interface Json2Request {
  model: string;
  method: string;
  authorization: string | undefined;
  database: string | undefined;
  body: string;
}

/** `POST /json/2/<model>/<method>` with `Authorization: bearer <api key>` and named arguments. */
export function handleJson2(services: RpcServices, req: Json2Request): HttpReply {
  const where = `json/2/${req.model}/${req.method}`;
  const match = /^bearer\s+(\S+)$/i.exec(req.authorization ?? '');
  const uid = match ? services.uidForKey(match[1]!) : false;
  if (uid === false) {
    const fault = new OdooFault('odoo.exceptions.AccessDenied', 'Invalid apikey');
    return error(
      401,
      'werkzeug.exceptions.Unauthorized',
      'Invalid apikey',
      ['Invalid apikey', 401],
      fault.traceback(where),
    );
  }
  if (req.database !== undefined && req.database !== services.db.name) {
    return error(
      404,
      'werkzeug.exceptions.NotFound',
      `Database ${req.database} not found`,
      [`Database ${req.database} not found`, 404],
      '',
    );
  }
  if (!services.db.has(req.model)) {
    // Odoo 19's json2.py: NotFound(f"the model {model!r} does not exist").
    const message = `the model '${req.model}' does not exist`;
    return error(404, 'werkzeug.exceptions.NotFound', message, [message, 404], '');
  }
  let body: unknown;
  try {
    body = req.body.trim() ? JSON.parse(req.body) : {};
  } catch {
    return error(400, 'werkzeug.exceptions.BadRequest', 'Invalid JSON data', ['Invalid JSON data', 400], '');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return error(
      400,
      'werkzeug.exceptions.BadRequest',
      'The body must be a JSON object',
      ['The body must be a JSON object', 400],
      '',
    );
  }
  try {
    const result = services.json2(uid, req.model, req.method, body as Record<string, unknown>);
    return {
      status: 200,
      contentType: JSON_TYPE,
      body: JSON.stringify(result === undefined ? null : result),
    };
  } catch (e) {
    const fault = toFault(e);
    if (fault.pyName === 'builtins.AttributeError') {
      return error(
        404,
        'werkzeug.exceptions.NotFound',
        fault.message,
        [fault.message, 404],
        fault.traceback(where),
      );
    }
    return error(statusOf(fault), fault.pyName, fault.message, fault.args, fault.traceback(where));
  }
}
