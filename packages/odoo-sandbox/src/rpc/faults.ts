import { pyRepr } from './py.js';

/** The Python exception classes the sandbox raises, by their fully qualified name. */
export type OdooExceptionName =
  | 'odoo.exceptions.UserError'
  | 'odoo.exceptions.ValidationError'
  | 'odoo.exceptions.MissingError'
  | 'odoo.exceptions.AccessError'
  | 'odoo.exceptions.AccessDenied'
  | 'builtins.ValueError'
  | 'builtins.TypeError'
  | 'builtins.AttributeError'
  | 'builtins.KeyError'
  | 'psycopg2.OperationalError'
  | 'xml.parsers.expat.ExpatError';

/**
 * An exception as Odoo's Python would raise it. The protocol layers turn it into an XML-RPC fault,
 * a JSON-RPC error or a JSON-2 error body, each with the shape a real Odoo 18/19 produces.
 */
export class OdooFault extends Error {
  constructor(
    readonly pyName: OdooExceptionName,
    message: string,
    /** Python's `exception.args`; `[message]` for almost everything. */
    readonly args: unknown[] = [message],
  ) {
    super(message);
    this.name = 'OdooFault';
  }

  /** True for UserError and its subclasses (ValidationError, MissingError, AccessError). */
  get isUserError(): boolean {
    return this.pyName.startsWith('odoo.exceptions.') && this.pyName !== 'odoo.exceptions.AccessDenied';
  }

  /**
   * A traceback with Python's shape (header, one frame, `Type: message` last line). There is no Python
   * here: the frame says so, so nobody mistakes the sandbox for a real server when reading logs.
   */
  traceback(where: string): string {
    const short = this.pyName.startsWith('builtins.') ? this.pyName.slice('builtins.'.length) : this.pyName;
    const shown = this.pyName === 'builtins.KeyError' ? pyRepr(this.args[0]) : this.message;
    return (
      'Traceback (most recent call last):\n' +
      `  File "/odoo-sandbox/${where}", line 1, in sandbox\n` +
      '    (Odoo SANDBOX: no Python runs here; this traceback only mimics the shape of a real one)\n' +
      `${short}: ${shown}\n`
    );
  }
}

export const userError = (message: string) => new OdooFault('odoo.exceptions.UserError', message);
export const validationError = (message: string) => new OdooFault('odoo.exceptions.ValidationError', message);
export const accessError = (message: string) => new OdooFault('odoo.exceptions.AccessError', message);
export const accessDenied = () => new OdooFault('odoo.exceptions.AccessDenied', 'Access Denied');
export const valueError = (message: string) => new OdooFault('builtins.ValueError', message);
export const attributeError = (message: string) => new OdooFault('builtins.AttributeError', message);
export const keyError = (key: string) => new OdooFault('builtins.KeyError', key, [key]);

/** `write`/`read` on ids that are gone, worded as Odoo 18 words it. */
export function missingError(model: string, ids: number[], uid: number): OdooFault {
  const tuple = ids.length === 1 ? `(${ids[0]},)` : `(${ids.join(', ')})`;
  return new OdooFault(
    'odoo.exceptions.MissingError',
    `Record does not exist or has been deleted.\n(Record: ${model}${tuple}, User: ${uid})`,
  );
}

/** What PostgreSQL says when the database name is wrong. */
export function unknownDatabase(db: string): OdooFault {
  return new OdooFault(
    'psycopg2.OperationalError',
    `connection to server on socket "/var/run/postgresql/.s.PGSQL.5432" failed: FATAL:  database "${db}" does not exist\n`,
  );
}

/** Wraps anything thrown while handling a call; a bug in the sandbox surfaces as a Python-like error. */
export function toFault(error: unknown): OdooFault {
  if (error instanceof OdooFault) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new OdooFault('builtins.ValueError', `odoo-sandbox internal error: ${message}`);
}
