/** Odoo returns many2one as `[id, "Name"]` and empty values as `false`. */
export function m2oId(value: unknown): number | undefined {
  return Array.isArray(value) && typeof value[0] === 'number' ? value[0] : undefined;
}

export function m2oName(value: unknown): string | undefined {
  return Array.isArray(value) && typeof value[1] === 'string' ? value[1] : undefined;
}

/** A char/text field: `false` (unset) becomes undefined. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** Strips the HTML Odoo stores in description fields, for a model to read. */
export function plain(html: unknown): string | undefined {
  const value = text(html);
  return (
    value
      ?.replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || undefined
  );
}
