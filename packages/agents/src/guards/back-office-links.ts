type Output = { text: string; result?: Record<string, unknown> };

// Odoo's back office: the web client (`/web#id=…`, `/web?…`) and Odoo 17+'s `/odoo/…` routes. The portal
// (`/my/…?access_token=…`) is the customer's own link and stays.
const BACK_OFFICE_URL = /\bhttps?:\/\/[^\s"'<>]+?\/(?:web(?:[#?/]|$)|odoo(?:[/?#]|$))[^\s"'<>]*/gi;
const LINK_KEYS = new Set(['form_url']);

/**
 * A tool result without links into Odoo's back office: a customer can open none of them, and a model that
 * repeats one shows the business's internal address. Staff (the copilot) keep them.
 */
export function withoutBackOfficeLinks(output: Output): Output {
  return {
    text: stripText(output.text),
    ...(output.result ? { result: strip(output.result) as Record<string, unknown> } : {}),
  };
}

function stripText(text: string): string {
  const stripped = text.replace(BACK_OFFICE_URL, '');
  return stripped === text ? text : stripped.replace(/[ \t]+$/gm, '');
}

function strip(value: unknown): unknown {
  if (typeof value === 'string') return stripText(value);
  if (Array.isArray(value)) return value.map(strip);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !LINK_KEYS.has(key))
        .map(([key, item]) => [key, strip(item)]),
    );
  return value;
}
