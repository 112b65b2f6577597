import { z } from 'zod';
import { datasetMissing } from './not-configured.js';
import { defineTool, fold } from './tool.js';

const zone = z.object({
  zone: z.string(),
  city: z.string(),
  places: z.array(z.string()),
  fee: z.number().nullable().describe('Delivery fee in `currency`; null = quoted per order'),
  eta: z.string(),
});

export const getDeliveryZones = defineTool({
  name: 'business_get_delivery_zones',
  title: 'Delivery zones and fees',
  description:
    'Delivery zones with their fee and delivery time. Give `place` (a neighbourhood or city as the customer wrote it) to get the zone that covers it; `match` is null when no zone does.',
  input: {
    place: z.string().trim().min(2).max(100).optional().describe('Neighbourhood or city, e.g. "Envigado"'),
  },
  output: {
    currency: z.string(),
    zones: z.array(zone),
    match: zone.nullable(),
    free_shipping_from: z.number().nullable(),
    free_shipping_zones: z.array(z.string()),
    notes: z.array(z.string()),
  },
  async run({ place }, ctx) {
    const data = await ctx.business.getKnown(ctx.tenant, 'delivery_zones');
    if (!data) throw datasetMissing('delivery_zones');
    const wanted = place ? fold(place) : undefined;
    const match = wanted
      ? (data.records.find((z) => z.places.some((p) => fold(p) === wanted)) ??
        data.records.find((z) => z.places.some((p) => fold(p).includes(wanted) || wanted.includes(fold(p)))))
      : undefined;
    const { currency } = data.meta;
    const fee = (f: number | null) => (f === null ? 'quoted per order' : `${f} ${currency}`);
    const text = place
      ? match
        ? `${place}: ${match.zone}, fee ${fee(match.fee)}, ${match.eta}.`
        : `No delivery zone covers "${place}".`
      : data.records.map((z) => `${z.zone} (${z.places.join(', ')}): ${fee(z.fee)}`).join('; ');
    return {
      result: {
        currency,
        zones: data.records,
        match: match ?? null,
        free_shipping_from: data.meta.freeShippingFrom ?? null,
        free_shipping_zones: data.meta.freeShippingZones,
        notes: data.meta.notes,
      },
      text,
    };
  },
});
