// Markdown constructs that no chat channel renders, flattened the same way for every format.
// Hand-written: a Markdown parser (remark, marked) renders to HTML/AST, not to WhatsApp's own markup,
// and the replies are short model output, not documents.

/** Removes ``` fences (keeping the code) and inline `code` backticks. */
export function stripCode(text: string): string {
  return text
    .replace(/^[ \t]*```[^\n]*\n([\s\S]*?)^[ \t]*```[ \t]*$/gm, '$1')
    .replace(/^[ \t]*```[^\n]*$/gm, '')
    .replace(/`([^`\n]+)`/g, '$1');
}

/** `[text](url)` -> `text: url`, `![alt](url)` -> `alt: url`, `<https://...>` -> the URL. */
export function flattenLinks(text: string): string {
  const link = (label: string, url: string) => {
    const bare = url.replace(/^(?:https?:\/\/|mailto:)/i, '');
    return label.trim() === '' || label === url || label === bare ? url : `${label}: ${url}`;
  };
  return text
    .replace(/!\[([^\]\n]*)\]\(([^)\s]+)(?:\s+"[^"\n]*")?\)/g, (_m, alt: string, url: string) =>
      link(alt, url),
    )
    .replace(/\[([^\]\n]+)\]\(([^)\s]+)(?:\s+"[^"\n]*")?\)/g, (_m, label: string, url: string) =>
      link(label, url),
    )
    .replace(/<((?:https?:\/\/|mailto:)[^>\s]+)>/gi, '$1');
}

/** Drops horizontal rules (`---`, `***`, `___`). */
export function dropRules(text: string): string {
  return text.replace(/^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/gm, '');
}

/** `* item` / `+ item` / `• item` -> `- item` (a leading `*` would read as bold on WhatsApp). */
export function normaliseBullets(text: string): string {
  return text.replace(/^([ \t]*)[*+•][ \t]+/gm, '$1- ');
}

/** No more than one blank line in a row, no trailing spaces, no blank edges. */
export function tidyLines(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The text of a heading line without its `#` marks and emphasis markers. */
export function headingText(raw: string): string {
  return raw
    .replace(/\s+#+\s*$/, '')
    .replace(/\*\*|__|\*/g, '')
    .trim();
}

export const HEADING = /^[ \t]*#{1,6}[ \t]+(.+)$/gm;
