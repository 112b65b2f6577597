import { applyChannelPolicy } from './apply-channel-policy.js';
import { PLATFORM_PAYMENT_TEXT, removeOffPlatformPayment } from './off-platform-payment.js';

const TERMS = ['Nequi', 'transferencia', 'comprobante', 'bank transfer', 'PIX'];

describe('removeOffPlatformPayment (a marketplace takes the payment itself)', () => {
  it('takes out the sentences that offer another way to pay and keeps the rest of the reply', () => {
    const reply =
      'Listo, te preparé la cotización S00012. Puedes pagar por Transferencia o Nequi. Envíanos el comprobante aquí.\n- Entrega: mañana.';
    expect(removeOffPlatformPayment(reply, TERMS, 'es')).toBe(
      `Listo, te preparé la cotización S00012.\n- Entrega: mañana.\n\n${PLATFORM_PAYMENT_TEXT.es}`,
    );
  });

  it("answers with the platform's rule when nothing but the payment offer was there", () => {
    expect(removeOffPlatformPayment('*Formas de pagamento*\n\nAceitamos PIX.', TERMS, 'pt')).toBe(
      PLATFORM_PAYMENT_TEXT.pt,
    );
  });

  it('matches whole words without case or accents, and leaves a reply without them untouched', () => {
    expect(removeOffPlatformPayment('We take a BANK  transfer.', TERMS, 'en')).toBe(PLATFORM_PAYMENT_TEXT.en);
    const clean = 'El galón cuesta $62.900 antes de IVA.';
    expect(removeOffPlatformPayment(clean, TERMS, 'es')).toBe(clean);
    expect(removeOffPlatformPayment('Paga con Nequi.', [], 'es')).toBe('Paga con Nequi.');
  });

  it('holds in applyChannelPolicy, whatever flow wrote the reply', () => {
    const policy = {
      maxLength: 2000,
      format: 'plain' as const,
      forbid: { phoneNumbers: true, emails: true, links: true, offPlatformPayment: TERMS },
    };
    const [sent] = applyChannelPolicy('Claro. Consigna por transferencia al 3001234567.', policy, {
      businessName: 'Pinturas',
      language: 'es',
    });
    expect(sent).toBe(`Claro.\n\n${PLATFORM_PAYMENT_TEXT.es}`);
  });
});
