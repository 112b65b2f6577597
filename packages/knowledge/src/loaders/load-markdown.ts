import { parse as parseYaml } from 'yaml';
import { recordToChunk, slug, type Chunk } from './chunk.js';

/** Documents up to this size stay one chunk (a product page, a short rule): splitting them loses the title. */
const SINGLE_CHUNK_MAX = 1500;

/**
 * Markdown with optional YAML front matter (title, default_code, odoo_product_id and any scalar fields,
 * which become metadata). Long documents are split by headings with `@mastra/rag`'s markdown chunker;
 * each piece keeps the document title in front so it stands alone.
 */
export async function loadMarkdown(content: string): Promise<Chunk[]> {
  const { front, body } = splitFrontMatter(content);
  const base = recordToChunk({ ...front, text: 'x' });
  const title = base.title ?? /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  const common = (): Chunk => {
    const c: Chunk = { text: '', metadata: { ...base.metadata } };
    if (title !== undefined) c.title = title;
    if (base.defaultCode !== undefined) c.defaultCode = base.defaultCode;
    if (base.odooProductId !== undefined) c.odooProductId = base.odooProductId;
    return c;
  };
  const text = body.trim();
  if (text.length === 0) return [];
  if (text.length <= SINGLE_CHUNK_MAX) return [{ ...common(), text: withTitle(title, text) }];

  // Loaded on demand: @mastra/rag pulls in Mastra's core, which searches do not need.
  const { MDocument } = await import('@mastra/rag');
  const pieces = await MDocument.fromMarkdown(text).chunk({
    strategy: 'markdown',
    headers: [
      ['#', 'h1'],
      ['##', 'h2'],
      ['###', 'h3'],
    ],
    stripHeaders: false,
    maxSize: SINGLE_CHUNK_MAX,
  });
  return pieces.map((piece) => {
    const heading = (piece.metadata['h3'] ?? piece.metadata['h2'] ?? piece.metadata['h1']) as
      string | undefined;
    const chunk = { ...common(), text: withTitle(title, piece.text) };
    if (heading !== undefined && heading !== title) chunk.anchor = slug(heading);
    return chunk;
  });
}

function withTitle(title: string | undefined, text: string): string {
  return title === undefined || text.includes(title) ? text : `${title}\n${text}`;
}

function splitFrontMatter(content: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(content);
  if (!match) return { front: {}, body: content };
  const front = parseYaml(match[1] ?? '') as unknown;
  return {
    front: front && typeof front === 'object' ? (front as Record<string, unknown>) : {},
    body: content.slice(match[0].length),
  };
}
