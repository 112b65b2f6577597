import { yesToSlot } from '../../guards/slot-choice.js';
import { textsFor } from '../texts.js';
import { customerForQuote } from './quote-customer.js';
import { call, data, failedCall, handoff, resultOf, say, type FlowInput, type StepOutput } from '../step.js';
import { addDays, describeDay, wantedTime } from '../when.js';
import { BOOKING_TEXTS } from './booking-texts.js';

export const SLOTS_TOOL = 'odoo_free_slots';
export const BOOK_TOOL = 'odoo_book_appointment';

/** One slot of an `odoo_free_slots` result: `local` is "YYYY-MM-DD HH:MM" in the business's zone. */
export interface FreeSlot {
  start: string;
  end: string;
  local: string;
}

const OFFERED = 3;

/**
 * "¿Me pueden agendar una visita técnica el martes en la mañana?": the customer (the verified partner, or
 * the name they give), the free slots of that day and part of the day from Odoo, and an offer of a few
 * of them. Nothing is booked here: booking waits for the customer's yes (see `bookFlow`).
 */
export function bookingFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = BOOKING_TEXTS[language];
  // The visit is booked for the customer the channel identifies, or a new one who gives a name and a phone
  // or e-mail (created in Odoo); a typed name that is already on file proves nothing, as for quotations.
  if (!view.context?.partner?.verified) {
    const step = customerForQuote(view);
    if ('ask' in step) return say(t.askName);
    if ('registered' in step) return say(textsFor(language).writeFromRegistered(step.registered));
    if ('calls' in step) return call(view, step.calls);
  }
  const today = view.context?.today ?? new Date().toISOString().slice(0, 10);
  const asked = wantedTime(view.text, today);
  // "A las 10" after an offer: the day offered, at that time.
  const offeredDay =
    view.context?.offeredSlots?.[0]?.slice(0, 10) ??
    view.context?.pendingConfirmation?.target.start?.slice(0, 10);
  const wanted = asked.date || !asked.time || !offeredDay ? asked : { ...asked, date: offeredDay };
  const found = resultOf(view, SLOTS_TOOL);
  if (!found) {
    const from = wanted.date ?? addDays(today, 1);
    return call(view, [
      [
        SLOTS_TOOL,
        { date_from: from, date_to: wanted.date ?? addDays(today, 7), duration_minutes: 60, limit: 30 },
      ],
    ]);
  }
  const slots = (data(found)?.slots ?? []).filter((s) => fits(s, wanted.part));
  const offered = pickSlots(slots, wanted.time && `${pad(wanted.time.hour)}:${pad(wanted.time.minute)}`);
  if (offered.length === 0)
    return say(t.noSlots(wanted.date ? describeDay(wanted.date, language) : undefined));
  const times = offered.map((s) => s.local.slice(11));
  return say(t.offer(describeDay(offered[0]!.local.slice(0, 10), language), times, times[0]!));
}

/**
 * "Sí" / "sí, el de las 9" after an offer: books exactly one of the offered slots for the conversation's
 * customer. The conversation guard checks the same again before the call reaches Odoo.
 */
export function bookFlow({ view, language }: FlowInput): StepOutput {
  const failed = failedCall(view);
  if (failed) return failed;
  const t = BOOKING_TEXTS[language];
  const context = view.context;
  const offered = context?.offeredSlots?.length
    ? context.offeredSlots
    : [context?.pendingConfirmation?.target.start].filter((s): s is string => !!s);
  const partner = context?.partner;
  if (!partner || offered.length === 0)
    return handoff(
      view,
      'out_of_scope',
      'The customer accepted a visit, but the slot or the customer is unknown.',
    );
  const picked = yesToSlot(view.text)?.time;
  const slot = picked
    ? offered.find((s) => s.slice(11) === `${pad(picked.hour)}:${pad(picked.minute)}`)
    : offered[0];
  if (!slot) return say(t.notOffered(offered.map((s) => s.slice(11))));
  const done = resultOf(view, BOOK_TOOL);
  if (!done)
    return call(view, [
      [
        BOOK_TOOL,
        { start_local: slot, duration_minutes: 60, title: t.title(partner.name), customer_id: partner.id },
      ],
    ]);
  const booked = data(done)!;
  return say(t.booked(describeDay(booked.local.slice(0, 10), language), booked.local.slice(11)));
}

function fits(slot: FreeSlot, part: 'morning' | 'afternoon' | undefined): boolean {
  if (!part) return true;
  const hour = Number(slot.local.slice(11, 13));
  return part === 'morning' ? hour < 12 : hour >= 12;
}

/**
 * A few slots of the first day that has any, on the hour first (easier to say and to pick); the time the
 * customer asked for, when it is free that day, first of all (it is the one proposed).
 */
function pickSlots(slots: FreeSlot[], time?: string): FreeSlot[] {
  const day = slots[0]?.local.slice(0, 10);
  const sameDay = slots.filter((s) => s.local.startsWith(day ?? '-'));
  const onTheHour = sameDay.filter((s) => s.local.endsWith(':00'));
  const few = (onTheHour.length >= OFFERED ? onTheHour : sameDay).slice(0, OFFERED);
  const asked = time ? sameDay.find((s) => s.local.slice(11) === time) : undefined;
  return asked ? [asked, ...few.filter((s) => s !== asked)].slice(0, OFFERED) : few;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
