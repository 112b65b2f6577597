import { detectLanguage, type Language } from '@mcp-crew/core';
import type { ReplyExpectation } from '../scenario/schema.js';
import { includesFolded } from './erp-state.js';
import type { EvalTurnOutcome } from './target.js';

/** The ways an amount is written in a reply: Colombian pesos without decimals, or with two (en/es). */
export function amountSpellings(amount: number): string[] {
  const forms = new Set<string>();
  for (const locale of ['es-CO', 'en-US', 'pt-BR']) {
    forms.add(new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(amount));
    forms.add(
      new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount),
    );
  }
  forms.add(String(Math.round(amount)));
  return [...forms];
}

// Short replies ("¡Listo! 👍") carry too few words to tell a language by; they are not judged.
const MIN_WORDS_FOR_LANGUAGE = 6;

function languageProblem(text: string, expected: Language): string | undefined {
  if (text.split(/\s+/).filter(Boolean).length < MIN_WORDS_FOR_LANGUAGE) return undefined;
  // Only a reply clearly in another language fails: a list of product names may not tell its language at all.
  const found = detectLanguage(text);
  return found === undefined || found === expected
    ? undefined
    : `reply language ${found}, expected ${expected}`;
}

export interface ReplyCheckInput {
  outcome: EvalTurnOutcome;
  expect: ReplyExpectation | undefined;
  /** The scenario's default reply language. */
  language: Language | undefined;
  /** amount_total of the scenario's latest order after the turn, when it has one. */
  orderTotal: number | undefined;
}

/** Every way a turn's replies miss their expectation (empty: they meet it). */
export function checkReplies({ outcome, expect = {}, language, orderTotal }: ReplyCheckInput): string[] {
  const text = outcome.replies.join('\n');
  const problems: string[] = [];
  for (const phrase of expect.contains ?? [])
    if (!includesFolded(text, phrase)) problems.push(`missing "${phrase}"`);
  if (expect.containsAny && !expect.containsAny.some((p) => includesFolded(text, p)))
    problems.push(`none of ${expect.containsAny.map((p) => `"${p}"`).join(', ')}`);
  for (const phrase of expect.notContains ?? [])
    if (includesFolded(text, phrase)) problems.push(`says "${phrase}"`);
  for (const pattern of expect.matches ?? [])
    if (!new RegExp(pattern, 'iu').test(text)) problems.push(`does not match /${pattern}/`);
  for (const pattern of expect.notMatches ?? [])
    if (new RegExp(pattern, 'iu').test(text)) problems.push(`matches /${pattern}/`);
  if (expect.handoff !== undefined && outcome.handoff !== expect.handoff)
    problems.push(expect.handoff ? 'no handoff, expected one' : 'handed to a person');
  const answered = outcome.replies.some((r) => r.trim() !== '');
  if (expect.answered !== undefined && answered !== expect.answered)
    problems.push(expect.answered ? 'no reply' : 'replied, expected silence');
  const lang = expect.language ?? language;
  if (lang && answered) {
    const problem = languageProblem(text, lang);
    if (problem) problems.push(problem);
  }
  if (expect.showsOrderTotal) {
    if (orderTotal === undefined) problems.push('no order to show the total of');
    else if (!amountSpellings(orderTotal).some((form) => text.includes(form)))
      problems.push(`does not show the order total ${amountSpellings(orderTotal)[0]}`);
  }
  return problems;
}
