import { OdooError } from '../errors/odoo-error.js';
import { faultToError, type Redactor } from '../errors/map-fault.js';
import { unexpectedStatus, type OdooHttp } from './http.js';
import { toJsonWire } from './wire-values.js';

/**
 * Odoo 19's JSON-2 API: `POST /json/2/<model>/<method>` with every argument named in a JSON
 * object (plus `ids` and `context`), `Authorization: bearer <api key>` and `X-Odoo-Database`.
 * Errors are 4xx/5xx with `{name, message, arguments, context, debug}`.
 */
export class Json2Transport {
  readonly protocol = 'json2' as const;

  constructor(
    private readonly http: OdooHttp,
    private readonly redact: Redactor,
    private readonly db: string,
    private readonly apiKey: () => string,
  ) {}

  async call(model: string, method: string, body: Record<string, unknown>): Promise<unknown> {
    const path = `/json/2/${encodeURIComponent(model)}/${encodeURIComponent(method)}`;
    const response = await this.http.send({
      path,
      body: JSON.stringify(toJsonWire(body)),
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        Authorization: `bearer ${this.apiKey()}`,
        'X-Odoo-Database': this.db,
      },
    });
    if (response.status === 200) return this.#json(response.body, path);
    const error = this.#tryJson(response.body) as
      { name?: string; message?: string; debug?: string } | undefined;
    if (error && typeof error === 'object' && typeof error.name === 'string') {
      throw faultToError(
        { name: error.name, message: error.message ?? '', debug: error.debug },
        this.redact,
        {
          status: response.status,
        },
      );
    }
    throw unexpectedStatus(response, path, this.redact);
  }

  /** `GET /web/version`: `{"version_info": [19, 0, 0, "final", 0, ""], "version": "19.0"}`. */
  async version(): Promise<unknown> {
    const response = await this.http.send({ path: '/web/version', method: 'GET', headers: {} });
    if (response.status !== 200) throw unexpectedStatus(response, '/web/version', this.redact);
    return this.#json(response.body, '/web/version');
  }

  #tryJson(body: string): unknown {
    try {
      return JSON.parse(body);
    } catch {
      return undefined;
    }
  }

  #json(body: string, path: string): unknown {
    // A method returning None answers `null`; an empty body is treated the same way.
    if (body.trim() === '') return null;
    const value = this.#tryJson(body);
    if (value === undefined) {
      throw new OdooError(
        'ODOO_PROTOCOL_ERROR',
        `Odoo's ${path} answer is not JSON: ${this.redact(body.slice(0, 120))}`,
      );
    }
    return value;
  }
}
