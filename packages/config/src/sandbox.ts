/** The Odoo sandbox's fixed development credentials (public on purpose: it is not a real Odoo). */
export const ODOO_SANDBOX_CREDENTIALS = {
  db: 'sandbox',
  user: 'admin',
  apiKey: 'sandbox-admin-key',
} as const;
