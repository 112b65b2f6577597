import { describe, expect, it } from '@jest/globals';
import { decodeXmlRpcFault, faultToError, parseTraceback } from './map-fault.js';

const keep = (s: string): string => s;

describe('Odoo fault mapping', () => {
  it('reads the exception at the end of a traceback, including multi-line messages', () => {
    const tb =
      'Traceback (most recent call last):\n  File "/x.py", line 1, in f\n    raise MissingError(x)\nodoo.exceptions.MissingError: Record does not exist\n(Record: res.partner(9,), User: 2)\n';
    expect(parseTraceback(tb)).toMatchObject({
      name: 'odoo.exceptions.MissingError',
      message: 'Record does not exist\n(Record: res.partner(9,), User: 2)',
    });
  });

  it.each([
    [
      { name: 'odoo.exceptions.UserError', message: "Object no.such.model doesn't exist" },
      'ODOO_UNKNOWN_MODEL',
    ],
    [
      { name: 'builtins.ValueError', message: "Invalid field 'x' on model 'res.partner'" },
      'ODOO_UNKNOWN_FIELD',
    ],
    [{ name: 'builtins.ValueError', message: 'something else' }, 'ODOO_SERVER_ERROR'],
    [
      { name: 'psycopg2.OperationalError', message: 'server closed the connection unexpectedly' },
      'ODOO_UNAVAILABLE',
    ],
    [{ name: 'werkzeug.exceptions.Unauthorized', message: 'Invalid apikey' }, 'ODOO_AUTH_FAILED'],
    [{ name: 'werkzeug.exceptions.NotFound', message: "the model 'x' does not exist" }, 'ODOO_UNKNOWN_MODEL'],
    [{ name: 'ZeroDivisionError', message: 'division by zero' }, 'ODOO_SERVER_ERROR'],
  ])('maps %o to %s', (fault, code) => {
    expect(faultToError(fault, keep).code).toBe(code);
  });

  it('reads XML-RPC codes 2, 3 and 4 without an exception name', () => {
    expect(faultToError(decodeXmlRpcFault(2, 'Record does not exist or has been deleted.'), keep).code).toBe(
      'ODOO_MISSING_RECORD',
    );
    expect(
      faultToError(decodeXmlRpcFault(2, 'The operation cannot be completed: Contacts require a name'), keep)
        .code,
    ).toBe('ODOO_VALIDATION_ERROR');
    expect(faultToError(decodeXmlRpcFault(2, 'No puede borrar un pedido confirmado'), keep).code).toBe(
      'ODOO_USER_ERROR',
    );
    expect(faultToError(decodeXmlRpcFault(3, 'Access Denied'), keep).code).toBe('ODOO_ACCESS_DENIED');
    expect(faultToError(decodeXmlRpcFault(4, 'Not allowed'), keep).code).toBe('ODOO_ACCESS_ERROR');
  });

  it('keeps the traceback out of the message, truncated in details, and redacts secrets', () => {
    const secret = 'sk-0123456789abcdef';
    const error = faultToError(
      { name: 'ValueError', message: `bad ${secret}`, debug: 'x'.repeat(5000) + secret },
      (s) => s.split(secret).join('[redacted]'),
    );
    expect(error.message).toBe('bad [redacted]');
    expect(String(error.details.debug).length).toBeLessThanOrEqual(1500);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(error.retryable).toBe(false);
  });
});
