import type { TurnFacts } from '../../turn/turn-facts.js';
import { detectIntent, type Intent } from '../detect-intent.js';
import { HANDOFF_TOOL, type FlowInput, type StepOutput } from '../step.js';
import { textsFor } from '../texts.js';
import { searchWords } from './search-flow.js';

/** One more thing the same message asks, and the words that ask it. */
export interface ExtraPart {
  intent: Intent;
  text: string;
}

// What a message may ask besides its main request; each is answered after it.
const EXTRA_KINDS = new Set<Intent['kind']>(['quote', 'search', 'rules', 'support', 'booking']);
// Main requests that leave room for more ("2 galones…, y ¿hacen domicilio?"); a yes, an edit or a handoff do not.
const OPEN_KINDS = new Set<Intent['kind']>(['quote', 'search', 'rules', 'support', 'status']);
/** Where a message's requests part: question marks, sentence ends, "y" / "and" / "pero". */
export const CLAUSE = /[?¿!;\n]+|[.,](?=\s|$)|\s+(?:y|e|and|pero|but|also|tambien)\s+/i;

/**
 * The other requests of a message whose main one is `primary`: "necesito 2 galones de vinilo, y ¿hacen
 * domicilio a Itagüí?" is a quotation and a delivery question; "¿cuánto vale el thinner y a qué hora cierran?"
 * a price and the hours. Each clause is read on its own; clauses of one kind are asked together.
 */
export function extraParts(
  text: string,
  primary: Intent,
  facts?: TurnFacts,
): { own: string; extras: ExtraPart[]; ownClauses?: string } {
  if (!OPEN_KINDS.has(primary.kind)) return { own: text, extras: [] };
  const parts = new Map<Intent['kind'], ExtraPart>();
  const own: string[] = [];
  for (const clause of text.split(CLAUSE)) {
    if (!/\p{L}{3,}/u.test(clause)) continue;
    // The crew's words (defects, product uses) read each clause too; the pending confirmation stays with the whole message.
    const intent = detectIntent(clause, facts && { ...facts, pendingConfirmation: undefined });
    if (intent.kind === primary.kind) own.push(clause.trim());
    if (!EXTRA_KINDS.has(intent.kind) || intent.kind === primary.kind) continue;
    // "Vale, ponme…": a price word with no product named is no question about a product.
    if (intent.kind === 'search' && searchWords(clause).length === 0) continue;
    const same = parts.get(intent.kind);
    if (!same) parts.set(intent.kind, { intent, text: clause.trim() });
    else if (intent.kind === 'quote' && same.intent.kind === 'quote')
      parts.set('quote', {
        intent: { ...same.intent, items: [...same.intent.items, ...intent.items] },
        text: `${same.text}, ${clause.trim()}`,
      });
    else same.text = `${same.text}, ${clause.trim()}`;
  }
  // A question searched in the knowledge is searched with its own words, not the order beside it.
  const narrow = parts.size > 0 && own.length > 0 && (primary.kind === 'rules' || primary.kind === 'support');
  return {
    own: narrow ? own.join(', ') : text,
    extras: [...parts.values()],
    ...(own.length > 0 ? { ownClauses: own.join(', ') } : {}),
  };
}

/**
 * The main flow's answer followed by the answers to the message's other requests. Every flow is re-run on
 * every step with the same tool results, so a finished part gives the same text while a later one waits
 * for its tools; a part this specialist cannot serve (it would hand off) gets a line saying how to ask it, and
 * never takes the whole reply to a person.
 */
export function answerAll(
  input: FlowInput,
  main: StepOutput,
  extras: ExtraPart[],
  run: (input: FlowInput, intent: Intent) => StepOutput,
  primary: ExtraPart,
): StepOutput {
  // The main request needs another specialist's tools ("2 galones… y agendar una visita" routed to scheduling):
  // the parts this one can serve are answered and the main one is said how to ask, if any part is servable.
  if (extras.length > 0 && outOfScope(main)) {
    const parts = answerParts(input, extras, run);
    if (parts.served)
      return parts.calls ?? [{ type: 'text', text: [...parts.texts, deferred(input, primary)].join('\n\n') }];
  }
  if (main.some((c) => c.type === 'tool-call')) return main;
  const mainText = textOf(main);
  if (!mainText.trim()) return main;
  const rest = answerParts(input, extras, run);
  return rest.calls ?? [{ type: 'text', text: [mainText, ...rest.texts].join('\n\n') }];
}

/**
 * The extra parts' answers, in order: the first part still calling tools is this step's output; a part this
 * specialist cannot serve (it would hand off) gets a line saying how to ask it, never a person paged for it.
 * `served` says whether any part was this specialist's own.
 */
function answerParts(
  input: FlowInput,
  extras: ExtraPart[],
  run: (input: FlowInput, intent: Intent) => StepOutput,
): { texts: string[]; calls?: StepOutput; served: boolean } {
  const texts: string[] = [];
  let served = false;
  for (const part of extras) {
    const out = run({ ...input, view: { ...input.view, text: part.text } }, part.intent);
    const calls = out.filter((c) => c.type === 'tool-call');
    if (calls.some((c) => c.toolName === HANDOFF_TOOL)) {
      texts.push(deferred(input, part));
      continue;
    }
    served = true;
    if (calls.length > 0) return { texts, calls: out, served };
    const text = textOf(out);
    if (text.trim()) texts.push(text);
  }
  return { texts, served };
}

function deferred(input: FlowInput, part: ExtraPart): string {
  return textsFor(input.language).askSeparately(
    part.intent.kind === 'booking' ? 'booking' : 'other',
    part.text,
  );
}

/** The step hands the turn over only because a tool it needs belongs to another specialist. */
function outOfScope(out: StepOutput): boolean {
  return out.some((c) => {
    if (c.type !== 'tool-call' || c.toolName !== HANDOFF_TOOL) return false;
    try {
      return (JSON.parse(c.input) as { reason?: string }).reason === 'out_of_scope';
    } catch {
      return false;
    }
  });
}

function textOf(out: StepOutput): string {
  return out.map((c) => (c.type === 'text' ? c.text : '')).join('');
}
