import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CrewDefinition, SpecialistKind, TenantConfig } from '@mcp-crew/core';
import type { TurnFacts } from '../turn/turn-facts.js';

const LANGUAGE_NAMES = { es: 'Spanish', pt: 'Portuguese', en: 'English' } as const;

/**
 * A specialist's prompt: the text `loadCrews` already read (`promptTexts`), else the file, read once
 * (prompts ship with the crews and change on deploy).
 */
export class PromptFiles {
  readonly #cache = new Map<string, Promise<string>>();

  constructor(private readonly crewsDir?: string) {}

  get(
    crew: CrewDefinition & { promptTexts?: Partial<Record<SpecialistKind, string>> },
    kind: SpecialistKind,
  ): Promise<string> {
    const loaded = crew.promptTexts?.[kind];
    if (loaded !== undefined) return Promise.resolve(loaded);
    const file = crew.prompts[kind];
    if (!file || !this.crewsDir) return Promise.resolve('');
    const path = join(this.crewsDir, file);
    let found = this.#cache.get(path);
    if (!found) {
      found = readFile(path, 'utf8').catch(() => '');
      this.#cache.set(path, found);
    }
    return found;
  }
}

/**
 * The fixed part of a specialist's instructions, built once with its agent: its prompt file, the crew's
 * channel, language and tone, and the rules the code also enforces.
 */
export function buildInstructions(input: {
  prompt: string;
  tenant: TenantConfig;
  crew: CrewDefinition;
}): string {
  const { prompt, tenant, crew } = input;
  return [
    prompt.replaceAll('{business}', tenant.name).trim(),
    '',
    '## Channel',
    `Crew: ${crew.name} (${crew.description}). Default language: ${LANGUAGE_NAMES[crew.language]}. Tone: ${crew.tone}`,
    `Keep each message under ${crew.policy.maxLength} characters.`,
    ...(crew.policy.forbid.offPlatformPayment.length > 0
      ? [
          `Payment happens only inside this platform: never offer another way to pay (${crew.policy.forbid.offPlatformPayment.slice(0, 6).join(', ')}…) nor ask for a receipt here; sentences that do are removed.`,
        ]
      : []),
    '',
    '## Rules enforced by the system',
    '- Every price, total, stock figure and order reference in your reply must come from a tool result of this turn; a reply with any other figure is discarded.',
    '- Committing tools (confirm, cancel, book) only run when the customer said an explicit yes to a summary the system showed them in the previous message.',
    "- Orders are only readable for the customer of this conversation. Never reveal other customers' data.",
    '- When you cannot help, call `handoff_to_human` with the reason and a short note for the person.',
  ].join('\n');
}

/** The conversation's facts as prose for a hosted model, appended to the fixed instructions each turn. */
export function describeFacts(facts: TurnFacts): string {
  if (facts.staff) return describeStaffFacts(facts, facts.staff);
  const contact = [facts.contact.name, facts.contact.phone, facts.contact.email].filter(Boolean).join(', ');
  const lines = [
    '## This conversation',
    `- Business: ${facts.business}.${facts.today ? ` Today is ${facts.today}.` : ''}`,
    `- Greeting for a customer who greets: ${facts.greeting}`,
    `- Contact (from the channel): ${contact || 'unknown'}.`,
    facts.partner
      ? `- Customer in Odoo: ${facts.partner.name} (id ${facts.partner.id}, ${facts.partner.verified ? "verified by the contact's phone or e-mail" : 'named in the chat, not verified'}).`
      : '- Customer in Odoo: not identified yet.',
  ];
  if (facts.quotation)
    lines.push(`- Working quotation: ${facts.quotation.name} (order id ${facts.quotation.id}).`);
  const pending = facts.pendingConfirmation;
  if (pending) {
    const target =
      pending.target.orderId !== undefined
        ? `order id ${pending.target.orderId}`
        : `the visit at ${pending.target.start ?? '?'}`;
    lines.push(`- Shown to the customer for a yes: ${pending.tool} for ${target}.`);
  }
  if (facts.offeredSlots?.length) lines.push(`- Visit slots offered: ${facts.offeredSlots.join('; ')}.`);
  if (facts.earlier?.length)
    lines.push(`- Earlier the customer wrote: ${facts.earlier.map((e) => `"${e}"`).join('; ')}.`);
  return lines.join('\n');
}

/** A staff member's copilot turn: the person asking works for the business; customers are named per request. */
function describeStaffFacts(facts: TurnFacts, staff: NonNullable<TurnFacts['staff']>): string {
  const lines = [
    '## This conversation',
    `- You assist ${staff.name}, who works at ${facts.business} and asks from Odoo. Address them, never a customer; no greetings or sales talk.${facts.today ? ` Today is ${facts.today}.` : ''}`,
    '- Any customer may be named in each request (within their Odoo access rights); customer rules of one customer per conversation do not apply.',
    "- Name the products exactly as Odoo does; if the product asked for is out of stock, use it and say so, never substitute another one. Label taxes with the names in the order's tax_groups.",
    `- Reply in ${LANGUAGE_NAMES[facts.language]} unless they write in another language.`,
  ];
  if (staff.record) lines.push(`- Record open on their screen: ${staff.record.model} id ${staff.record.id}.`);
  if (facts.partner)
    lines.push(`- Customer of the latest request: ${facts.partner.name} (id ${facts.partner.id}).`);
  if (facts.quotation)
    lines.push(`- Latest quotation: ${facts.quotation.name} (order id ${facts.quotation.id}).`);
  const pending = facts.pendingConfirmation;
  if (pending?.target.orderId !== undefined)
    lines.push(`- Shown to them for a yes: ${pending.tool} for order id ${pending.target.orderId}.`);
  if (facts.earlier?.length)
    lines.push(`- Earlier they wrote: ${facts.earlier.map((e) => `"${e}"`).join('; ')}.`);
  return lines.join('\n');
}
