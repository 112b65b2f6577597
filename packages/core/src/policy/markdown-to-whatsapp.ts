import {
  dropRules,
  flattenLinks,
  HEADING,
  headingText,
  normaliseBullets,
  stripCode,
  tidyLines,
} from './markdown-common.js';

/**
 * Markdown -> WhatsApp markup: `**bold**` / `__bold__` -> `*bold*`, headings -> bold lines,
 * `~~strike~~` -> `~strike~`; `_italic_` and WhatsApp's own `*bold*` stay as they are.
 */
export function markdownToWhatsapp(text: string): string {
  let out = stripCode(text);
  out = flattenLinks(out);
  out = dropRules(out);
  out = normaliseBullets(out);
  out = out.replace(HEADING, (_m, raw: string) => `*${headingText(raw)}*`);
  out = out.replace(/\*\*(?!\s)([^*\n]+?)(?<!\s)\*\*/g, '*$1*');
  out = out.replace(/(?<![\p{L}\p{N}_])__(?!\s)([^_\n]+?)(?<!\s)__(?![\p{L}\p{N}_])/gu, '*$1*');
  out = out.replace(/~~(?!\s)([^~\n]+?)(?<!\s)~~/g, '~$1~');
  return tidyLines(out);
}
