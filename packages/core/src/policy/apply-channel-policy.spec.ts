import { crewDefinitionSchema, type ChannelPolicy } from '../crew/crew.js';
import { applyChannelPolicy } from './apply-channel-policy.js';
import { REDACTED_TEXT } from './redact-contact-data.js';

const policy = (p: Partial<ChannelPolicy> & Pick<ChannelPolicy, 'maxLength' | 'format'>): ChannelPolicy =>
  crewDefinitionSchema.parse({
    name: 'whatsapp',
    description: 'x',
    language: 'es',
    tone: 'x',
    greeting: 'x',
    members: ['sales'],
    defaultSpecialist: 'sales',
    escalation: {},
    policy: p,
  }).policy;

const CHANNELS = {
  whatsapp: policy({ maxLength: 4096, format: 'whatsapp' }),
  facebook: policy({ maxLength: 2000, format: 'plain' }),
  instagram: policy({ maxLength: 1000, format: 'plain' }),
  email: policy({
    maxLength: 25_000,
    format: 'email',
    emailGreeting: 'Hola {name},',
    emailSignature: 'Saludos,\n{business}',
  }),
  mercadolivre: policy({
    maxLength: 2000,
    format: 'plain',
    forbid: { phoneNumbers: true, emails: true, links: true, offPlatformPayment: [] },
  }),
  webchat: policy({ maxLength: 4000, format: 'plain' }),
} as const;

const ctx = { customerName: 'Ana Gómez', businessName: 'Pinturas El Arcoíris' };
const REPLY =
  '## Cotización\n\nEl **Vinilo Tipo 1** blanco cuesta $ 85.000 el galón (pedido S00012).\n\n' +
  '* Envío a Bello\n* Pago por Nequi\n\nDudas: 300 123 4567, ventas@arcoiris.co o [la tienda](https://arcoiris.co).';
// ~7,600 characters in sentences of ~60.
const LONG = Array.from(
  { length: 120 },
  (_, i) => `Esta es la frase número ${i + 1} de una respuesta muy larga.`,
).join(' ');

describe('applyChannelPolicy per channel', () => {
  it.each([
    ['whatsapp', 4096, 2],
    ['facebook', 2000, 4],
    ['instagram', 1000, 7],
    ['email', 25_000, 1],
    ['mercadolivre', 2000, 4],
    ['webchat', 4000, 2],
  ] as const)('%s: every part fits in %i characters (%i parts)', (channel, max, count) => {
    const parts = applyChannelPolicy(LONG, CHANNELS[channel], ctx);
    expect(parts).toHaveLength(count);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(max);
      // Cut at a sentence end; an e-mail ends with its signature.
      expect(part).toMatch(channel === 'email' ? /\.\n\nSaludos,\nPinturas El Arcoíris$/ : /\.$/);
    }
    expect(parts.join(' ')).toContain('frase número 120 de');
  });

  it('whatsapp: WhatsApp markup, contact data allowed', () => {
    const [part] = applyChannelPolicy(REPLY, CHANNELS.whatsapp, ctx);
    expect(part).toBe(
      '*Cotización*\n\nEl *Vinilo Tipo 1* blanco cuesta $ 85.000 el galón (pedido S00012).\n\n' +
        '- Envío a Bello\n- Pago por Nequi\n\nDudas: 300 123 4567, ventas@arcoiris.co o la tienda: https://arcoiris.co.',
    );
  });

  it.each(['facebook', 'instagram', 'webchat'] as const)('%s: plain text', (channel) => {
    const [part] = applyChannelPolicy(REPLY, CHANNELS[channel], ctx);
    expect(part).toBe(
      'Cotización\n\nEl Vinilo Tipo 1 blanco cuesta $ 85.000 el galón (pedido S00012).\n\n' +
        '- Envío a Bello\n- Pago por Nequi\n\nDudas: 300 123 4567, ventas@arcoiris.co o la tienda: https://arcoiris.co.',
    );
  });

  it('email: greeting with the first name, plain body, signature with the business', () => {
    const [part] = applyChannelPolicy(REPLY, CHANNELS.email, ctx);
    expect(part?.startsWith('Hola Ana,\n\nCotización\n\nEl Vinilo Tipo 1')).toBe(true);
    expect(part?.endsWith('https://arcoiris.co.\n\nSaludos,\nPinturas El Arcoíris')).toBe(true);
  });

  it('mercadolivre: no phone, e-mail or link; prices and order names stay', () => {
    const [part] = applyChannelPolicy(REPLY, CHANNELS.mercadolivre, { ...ctx, language: 'es' });
    const { contact, link } = REDACTED_TEXT.es;
    expect(part).toContain('$ 85.000 el galón (pedido S00012)');
    expect(part).toContain(`Dudas: ${contact}, ${contact} o la tienda.`);
    expect(part).not.toMatch(/300 123|@|https?:|arcoiris\.co/);
    expect(part).not.toContain(link); // the markdown link kept only its words
  });

  it('returns nothing for an empty reply, even on e-mail', () => {
    expect(applyChannelPolicy('  ', CHANNELS.email, ctx)).toEqual([]);
  });
});
