import { OdooError, type OdooErrorCode } from './odoo-error.js';

/** What every protocol's error boils down to before it becomes an `OdooError`. */
export interface OdooFault {
  /** Python exception class, e.g. `odoo.exceptions.UserError` or `ValueError` (may be empty). */
  name: string;
  message: string;
  /** Server traceback, when the protocol gives one. */
  debug?: string;
}

/** Removes credentials from anything that may reach a message or log. */
export type Redactor = (text: string) => string;

const DEBUG_TAIL_CHARS = 1500;

// Odoo's own English messages, used where the protocol gives no exception class (XML-RPC code 2)
// or where one class covers several cases (UserError, ValueError). Translated messages (a user
// whose language is not English) fall back to the generic code of the class.
const UNKNOWN_MODEL = /^Object (\S+) doesn't exist/;
const UNKNOWN_FIELD = /^Invalid field\b/;
const UNKNOWN_METHOD = /^The method '.*' does not exist/;
const MISSING_RECORD = /^Record does not exist or has been deleted/;
const VALIDATION = /^The operation cannot be completed:/;
const UNKNOWN_DATABASE = /database ".*" does not exist/;
const NOT_FOUND_MODEL = /model '.*' does not exist|Object .* doesn't exist/i;

/** Strips a Python module path: `odoo.exceptions.UserError` and `UserError` are the same class. */
function shortName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

function codeFor(fault: OdooFault): OdooErrorCode {
  const name = shortName(fault.name);
  const message = fault.message;
  switch (name) {
    case 'AccessDenied':
      return 'ODOO_ACCESS_DENIED';
    case 'AccessError':
      return 'ODOO_ACCESS_ERROR';
    case 'MissingError':
      return 'ODOO_MISSING_RECORD';
    case 'ValidationError':
      return 'ODOO_VALIDATION_ERROR';
    case 'UserError':
    case 'RedirectWarning':
    case 'Warning':
    case 'except_orm':
      if (UNKNOWN_MODEL.test(message)) return 'ODOO_UNKNOWN_MODEL';
      if (MISSING_RECORD.test(message)) return 'ODOO_MISSING_RECORD';
      if (VALIDATION.test(message)) return 'ODOO_VALIDATION_ERROR';
      return 'ODOO_USER_ERROR';
    case 'ValueError':
      return UNKNOWN_FIELD.test(message) ? 'ODOO_UNKNOWN_FIELD' : 'ODOO_SERVER_ERROR';
    case 'AttributeError':
      return UNKNOWN_METHOD.test(message) ? 'ODOO_UNKNOWN_METHOD' : 'ODOO_SERVER_ERROR';
    case 'OperationalError':
      return UNKNOWN_DATABASE.test(message) ? 'ODOO_UNKNOWN_DATABASE' : 'ODOO_UNAVAILABLE';
    case 'ExpatError':
    case 'ProtocolError':
      return 'ODOO_PROTOCOL_ERROR';
    case 'Unauthorized':
      return 'ODOO_AUTH_FAILED';
    case 'Forbidden':
      return 'ODOO_ACCESS_ERROR';
    case 'NotFound':
      return NOT_FOUND_MODEL.test(message) ? 'ODOO_UNKNOWN_MODEL' : 'ODOO_UNKNOWN_METHOD';
    default:
      return 'ODOO_SERVER_ERROR';
  }
}

/** Turns a decoded Odoo fault into an `OdooError`, keeping the traceback out of the message. */
export function faultToError(
  fault: OdooFault,
  redact: Redactor,
  extra: Record<string, unknown> = {},
): OdooError {
  const code = codeFor(fault);
  const message = redact(fault.message.trim() || fault.name || 'Odoo error');
  const details: Record<string, unknown> = { ...extra };
  if (fault.name) details.odooName = fault.name;
  if (fault.debug) details.debug = redact(fault.debug.slice(-DEBUG_TAIL_CHARS));
  // An answer from Odoo is never retried, whatever its code.
  return new OdooError(code, message, { details, retryable: false });
}

/**
 * Reads `ExceptionType: message` at the end of a Python traceback (XML-RPC fault code 1). The
 * message may span several lines, so it starts at the first unindented line after the last frame.
 */
export function parseTraceback(traceback: string): OdooFault {
  const lines = traceback.replace(/\s+$/, '').split('\n');
  let start = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (/^\s+File "/.test(lines[i] ?? '')) {
      start = i + 1;
      break;
    }
  }
  while (start < lines.length && /^\s/.test(lines[start] ?? '')) start++;
  const text = lines.slice(start).join('\n');
  const match = /^([A-Za-z_][\w.]*)(?::\s?([\s\S]*))?$/.exec(text);
  if (!match) return { name: '', message: text, debug: traceback };
  return { name: match[1] ?? '', message: match[2] ?? '', debug: traceback };
}

/**
 * Decodes an XML-RPC fault. `/xmlrpc/2/*` gives an int code (1 = traceback, 2 = UserError and
 * subclasses, 3 = AccessDenied, 4 = AccessError); the legacy `/xmlrpc/*` puts
 * `"warning -- UserError\n\n<message>"` (or a traceback) in a string code.
 */
export function decodeXmlRpcFault(faultCode: unknown, faultString: unknown): OdooFault {
  const text = typeof faultString === 'string' ? faultString : '';
  if (typeof faultCode === 'string') {
    const legacy = /^warning -- (\w+)\n\n([\s\S]*)$/.exec(faultCode);
    if (legacy) return { name: legacy[1] ?? '', message: legacy[2] ?? '' };
    if (faultCode === 'AccessDenied') return { name: 'AccessDenied', message: 'Access Denied' };
    if (faultCode.includes('Traceback')) return parseTraceback(faultCode);
    return { name: '', message: faultCode || text };
  }
  switch (faultCode) {
    case 1:
      return parseTraceback(text);
    case 2:
      return { name: 'UserError', message: text };
    case 3:
      return { name: 'AccessDenied', message: text || 'Access Denied' };
    case 4:
      return { name: 'AccessError', message: text };
    default:
      return { name: '', message: text };
  }
}
