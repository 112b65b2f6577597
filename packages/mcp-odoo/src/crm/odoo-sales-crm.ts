import type { HandoffLead, SalesCrm, Salesperson } from '@mcp-crew/core';
import type { OdooApi, OdooRecord } from '../odoo/odoo-api.js';
import { customerDomain } from '../tools/customers.js';

/**
 * The ERP side of a sales hand-over over Odoo's own fields: `user_id` (Salesperson) of `sale.order`,
 * `crm.lead` and `res.partner`, internal `res.users` by e-mail, and `crm.lead` created or updated with the
 * conversation's summary. Read and written as the tenant's API user, like the MCP-Odoo tools.
 */
export class OdooSalesCrm implements SalesCrm {
  #leadFields: Promise<Set<string>> | undefined;
  #phoneFields: Promise<string[]> | undefined;

  constructor(private readonly api: OdooApi) {}

  async findPartner(contact: { phone?: string; email?: string }): Promise<number | undefined> {
    const phoneFields = await this.#phones();
    for (const query of [contact.phone, contact.email]) {
      if (!query || query.replace(/\W/g, '').length < 7) continue;
      const domain =
        query === contact.email
          ? [['email', '=ilike', query] as [string, string, unknown]]
          : customerDomain(query, phoneFields);
      const rows = await this.api.searchRead('res.partner', domain, { fields: ['id'], limit: 2 });
      if (rows.length === 1) return rows[0]!.id;
    }
    return undefined;
  }

  async salespeople(about: { partnerId?: number; quotationId?: number }): Promise<Salesperson[]> {
    const found: Array<{ userId: number; source: Salesperson['source'] }> = [];
    const add = (value: unknown, source: Salesperson['source']) => {
      const userId = idOf(value);
      if (userId && !found.some((f) => f.userId === userId)) found.push({ userId, source });
    };
    if (about.quotationId) {
      const [order] = await this.api.read('sale.order', [about.quotationId], ['user_id']);
      add(order?.['user_id'], 'quotation');
    }
    if (about.partnerId) {
      const leads = await this.api.searchRead('crm.lead', openLeadsOf(about.partnerId), {
        fields: ['user_id'],
        order: 'id desc',
        limit: 5,
      });
      for (const lead of leads) add(lead['user_id'], 'lead');
      const [partner] = await this.api.read('res.partner', [about.partnerId], ['user_id', 'parent_id']);
      add(partner?.['user_id'], 'customer');
      // A contact person's company may hold the salesperson (Odoo's commercial partner).
      const parent = idOf(partner?.['parent_id']);
      if (parent)
        add((await this.api.read('res.partner', [parent], ['user_id']))[0]?.['user_id'], 'customer');
    }
    if (found.length === 0) return [];
    const users = await this.api.searchRead(
      'res.users',
      [
        ['id', 'in', found.map((f) => f.userId)],
        ['share', '=', false],
      ],
      { fields: ['name', 'email'] },
    );
    return found.flatMap(({ userId, source }) => {
      const user = users.find((u) => u.id === userId);
      return user ? [{ userId, name: String(user['name']), ...emailOf(user), source }] : [];
    });
  }

  async userByEmail(email: string): Promise<{ userId: number; name: string } | undefined> {
    const users = await this.api.searchRead('res.users', [['share', '=', false]], {
      fields: ['name', 'email'],
    });
    const user = users.find((u) => typeof u['email'] === 'string' && sameEmail(u['email'], email));
    return user ? { userId: user.id, name: String(user['name']) } : undefined;
  }

  async upsertLead(lead: HandoffLead): Promise<{ id: number; created: boolean }> {
    const block = `<p>${escape(lead.marker)}</p><p>${escape(lead.summary).replace(/\n/g, '<br>')}</p>`;
    const [own] = await this.api.searchRead('crm.lead', [['description', 'ilike', lead.marker]], {
      fields: ['description', 'user_id'],
      order: 'id desc',
      limit: 1,
    });
    const existing =
      own ??
      (lead.partnerId
        ? (
            await this.api.searchRead('crm.lead', openLeadsOf(lead.partnerId), {
              fields: ['description', 'user_id'],
              order: 'id desc',
              limit: 1,
            })
          )[0]
        : undefined);
    if (existing) {
      await this.api.write('crm.lead', [existing.id], {
        description: `${textOf(existing['description'])}${block}`,
        // The salesperson Odoo already has on the lead stays; an unassigned lead gets the hand-over's.
        ...(lead.userId && !idOf(existing['user_id']) ? { user_id: lead.userId } : {}),
      });
      return { id: existing.id, created: false };
    }
    const fields = await this.#leads();
    const values: Record<string, unknown> = { name: lead.title, description: block };
    const put = (field: string, value: unknown) => {
      if (value !== undefined && fields.has(field)) values[field] = value;
    };
    put('partner_id', lead.partnerId);
    put('contact_name', lead.contactName);
    put('email_from', lead.email);
    put('phone', lead.phone);
    put('user_id', lead.userId);
    return { id: await this.api.create('crm.lead', values), created: true };
  }

  #leads(): Promise<Set<string>> {
    this.#leadFields ??= this.api.fieldsGet('crm.lead', ['type']).then((f) => new Set(Object.keys(f)));
    return this.#leadFields;
  }

  #phones(): Promise<string[]> {
    this.#phoneFields ??= this.api
      .fieldsGet('res.partner', ['type'])
      .then((f) => ['phone', 'mobile'].filter((name) => name in f));
    return this.#phoneFields;
  }
}

/** A customer's open leads: active (not lost) and not won. */
function openLeadsOf(partnerId: number): Array<[string, string, unknown]> {
  return [
    ['partner_id', '=', partnerId],
    ['probability', '<', 100],
  ];
}

/** A many2one as Odoo sends it (`[id, name]`, a bare id, or `false`). */
function idOf(value: unknown): number | undefined {
  if (Array.isArray(value) && typeof value[0] === 'number') return value[0];
  return typeof value === 'number' && value > 0 ? value : undefined;
}

function emailOf(user: OdooRecord): { email?: string } {
  return typeof user['email'] === 'string' && user['email'] ? { email: user['email'] } : {};
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
