/** An ERP user who sells: the one Odoo assigns to a quotation, a lead or a customer. */
export interface Salesperson {
  userId: number;
  name: string;
  email?: string;
  /** Where the assignment was found, most specific first: the quotation, the customer's open lead, the customer. */
  source: 'quotation' | 'lead' | 'customer';
}

/** The CRM lead a sales hand-over leaves for the salesperson. */
export interface HandoffLead {
  /** Unique text kept in the lead (its notes) so a retried hand-over finds the lead it made instead of making another. */
  marker: string;
  title: string;
  /** The customer's partner, only when the channel's identity (phone, e-mail) links them. */
  partnerId?: number;
  contactName?: string;
  email?: string;
  phone?: string;
  /** The conversation's summary (plain text). */
  summary: string;
  /** The salesperson the conversation went to, when they are an ERP user. */
  userId?: number;
}

/** The ERP side of a sales hand-over, for one tenant. */
export interface SalesCrm {
  /** The customer's partner id from the channel's identity: exactly one match of the phone, else the e-mail. */
  findPartner(contact: { phone?: string; email?: string }): Promise<number | undefined>;
  /** The salespeople assigned to the quotation, the customer's open leads and the customer, most specific first. */
  salespeople(about: { partnerId?: number; quotationId?: number }): Promise<Salesperson[]>;
  /** The active internal user with this e-mail (case-insensitive). */
  userByEmail(email: string): Promise<{ userId: number; name: string } | undefined>;
  /**
   * The lead of this hand-over: the one holding the marker, else the customer's most recent open lead (updated
   * with the summary), else a new one. Returns its id and whether it was created.
   */
  upsertLead(lead: HandoffLead): Promise<{ id: number; created: boolean }>;
}
