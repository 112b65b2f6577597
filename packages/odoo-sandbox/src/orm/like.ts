/**
 * SQL LIKE patterns as Odoo uses them: `like`/`ilike` wrap the value in `%…%`, `=like`/`=ilike` use it
 * as given; `%` is any run of characters, `_` one character, `\` escapes. `ilike` is case-insensitive
 * only (PostgreSQL ILIKE): no accent folding, as in a stock Odoo without `unaccent`.
 */
export function likeRegex(pattern: string, wrap: boolean, caseInsensitive: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) source += escape(pattern[++i]!);
    else if (ch === '%') source += '.*';
    else if (ch === '_') source += '.';
    else source += escape(ch);
  }
  const full = wrap ? `.*${source}.*` : source;
  return new RegExp(`^${full}$`, caseInsensitive ? 'is' : 's');
}

const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
