import { foldText, type Language } from '@mcp-crew/core';

/** The fields of a `search_knowledge` hit the engine reads. */
export interface KnowledgeHitView {
  text: string;
  score: number;
  source: string;
  title?: string;
  language?: Language;
  odooProductId?: number;
}

const STOP = new Set([
  'para',
  'como',
  'cual',
  'cuales',
  'tienen',
  'tiene',
  'hacen',
  'ustedes',
  'quiero',
  'puedo',
  'donde',
  'cuando',
  'esta',
  'estan',
  'pintura',
  'what',
  'your',
  'have',
  'voces',
  'vcs',
  // Verbs of any request: "necesito" is in the title "Cuánta pintura necesito" but says nothing of the topic.
  'necesito',
  'necesita',
  'preciso',
  'need',
  'hago',
  'hacer',
  'faco',
  'tengo',
  'tenho',
  'salio',
  'quedo',
  'favor',
  'porfa',
  'please',
  // Asking for advice says nothing of the topic either ("¿me asesoras? ¿qué me sirve para el baño?").
  'asesoras',
  'asesorame',
  'asesorar',
  'recomiendas',
  'recomienda',
  'recomiendan',
  'sirve',
  'sirven',
  'recommend',
  // "¿Cuánto tiempo de garantía…?": a question word, not the "Cuánta pintura necesito" title's topic.
  'cuanto',
  'tiempo',
]);

// Short words that name a topic on their own (taxes, tax id, payment networks).
const SHORT_TOPICS = new Set(['iva', 'vat', 'nit', 'pse', 'pix']);

function words(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter((w) => (w.length >= 4 || SHORT_TOPICS.has(w)) && !STOP.has(w));
}

// Five letters tell "devolver" and "devoluciones" apart from "desconto" while still matching plurals; a short
// word matches the longer ones it begins ("pela" → "pelando"), and verb and noun forms share a root ("envían",
// "envío").
function same(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) return true;
  const root = (w: string) =>
    w.replace(/(?:iendo|ando|aron|amos|ado|ido|ada|ida|an|en|ar|er|ir|as|es|os|o|a|e|s)$/, '');
  return root(a).length >= 4 && root(a) === root(b);
}

// Words customers use for a topic that the business's texts name otherwise ("¿dónde quedan ubicados?" is
// the address; "descuentico" a discount): the question also holds the text's word.
// Each topic names its word in the texts' three languages.
const SAME_TOPIC: ReadonlyArray<readonly [RegExp, string[]]> = [
  [
    /^(?:ubicad[oa]s?|ubicacion|quedan|localizad[oa]s?|located|location|endereco)$/,
    ['direccion', 'address', 'endereco'],
  ],
  [/^(?:shop|store|tienda|loja)$/, ['tienda', 'store', 'loja']],
  [/^(?:descuent(?:ico|ito)s?|rebajas?|rebajitas?)$/, ['descuento', 'discount', 'desconto']],
  [
    /^(?:datafonos?|maquininha|nequi|daviplata|tarjetas?|efectivo|cartao|cash|card)$/,
    ['pago', 'payment', 'pagamento'],
  ],
];

function withTopics(wanted: string[]): string[] {
  const more = wanted.flatMap((w) => SAME_TOPIC.filter(([re]) => re.test(w)).flatMap(([, topic]) => topic));
  return [...new Set([...wanted, ...more])];
}

/**
 * The hit that answers the question best: the search's order, re-ranked by the question's words found in
 * the hit's title (worth three) and body, each word weighted by how few of the hits hold it ("galón" is in
 * most procedures and tells them apart less than "devolver"). Hybrid search ranks near-ties by chance; the
 * words decide them.
 */
export function bestHit(hits: KnowledgeHitView[], question: string): KnowledgeHitView | undefined {
  const wanted = withTopics([...new Set(words(question))]);
  const docs = hits.map((hit) => ({
    title: words(hit.title ?? hit.text.split('\n')[0] ?? ''),
    body: words(hit.text),
  }));
  const holds = (doc: { body: string[] }, w: string) => doc.body.some((b) => same(b, w));
  const weight = new Map(
    wanted.map((w) => {
      const n = docs.filter((d) => holds(d, w)).length;
      return [w, n === 0 ? 0 : Math.log(1 + hits.length / n)];
    }),
  );
  const scored = hits.map((hit, index) => {
    const doc = docs[index]!;
    const score = wanted.reduce(
      (sum, w) =>
        sum + weight.get(w)! * ((doc.title.some((t) => same(t, w)) ? 3 : 0) + (holds(doc, w) ? 1 : 0)),
      0,
    );
    return { hit, index, score };
  });
  return scored.sort((a, b) => b.score - a.score || a.index - b.index)[0]?.hit;
}

/**
 * The hit's text as the customer reads it: the title in bold, sub-headings as plain lines, nothing added
 * or reworded (every figure is the business's own), cut at a line or sentence end under `max`.
 */
export function quoteHit(hit: KnowledgeHitView, max = 900): string {
  const lines = hit.text.trim().split('\n');
  const out = lines.map((line, i) => {
    const heading = /^(#+)\s+(.*)$/.exec(line);
    if (!heading) return line;
    return i === 0 && heading[1] === '#' ? `*${heading[2]!.trim()}*` : `${heading[2]!.trim()}:`;
  });
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf('\n'), cut.lastIndexOf('. ') + 1)).trim();
}
