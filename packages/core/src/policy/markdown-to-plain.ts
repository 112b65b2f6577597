import {
  dropRules,
  flattenLinks,
  HEADING,
  headingText,
  normaliseBullets,
  stripCode,
  tidyLines,
} from './markdown-common.js';

// A marker pair around a non-blank span, not glued to letters or digits (so snake_case, 5*3 survive).
const span = (marker: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}${marker}])${marker}(?!\\s)([^${marker}\\n]+?)(?<!\\s)${marker}(?![\\p{L}\\p{N}${marker}])`,
    'gu',
  );

/** Markdown (or WhatsApp markup) -> plain text: no emphasis, headings or quotes; bullets become "- ". */
export function markdownToPlain(text: string): string {
  let out = stripCode(text);
  out = flattenLinks(out);
  out = dropRules(out);
  out = normaliseBullets(out);
  out = out.replace(HEADING, (_m, raw: string) => headingText(raw));
  out = out.replace(/\*\*(?!\s)([^*\n]+?)(?<!\s)\*\*/g, '$1');
  out = out.replace(/__(?!\s)([^_\n]+?)(?<!\s)__/g, '$1');
  out = out.replace(/~~(?!\s)([^~\n]+?)(?<!\s)~~/g, '$1');
  out = out.replace(span('\\*'), '$1').replace(span('_'), '$1').replace(span('~'), '$1');
  out = out.replace(/^[ \t]*>[ \t]?/gm, '');
  return tidyLines(out);
}
