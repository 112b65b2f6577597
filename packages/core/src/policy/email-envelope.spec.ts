import type { ChannelPolicy } from '../crew/crew.js';
import { customerFirstName, wrapEmail } from './email-envelope.js';

const policy: ChannelPolicy = {
  maxLength: 25_000,
  format: 'email',
  forbid: { phoneNumbers: false, emails: false, links: false, offPlatformPayment: [] },
  emailGreeting: 'Hola {name},',
  emailSignature: 'Saludos,\nEquipo de {business}',
};

describe('wrapEmail', () => {
  it('puts the greeting with the first name, the body and the signature with the business', () => {
    const out = wrapEmail('Te envío la cotización.', policy, {
      customerName: 'Ana María Gómez',
      businessName: 'Pinturas El Arcoíris',
    });
    expect(out).toBe('Hola Ana,\n\nTe envío la cotización.\n\nSaludos,\nEquipo de Pinturas El Arcoíris');
  });

  it('drops the name cleanly when it is unknown or an e-mail address', () => {
    for (const customerName of [undefined, '', 'ana@correo.com']) {
      expect(wrapEmail('Cuerpo.', policy, { customerName, businessName: 'X' }).split('\n')[0]).toBe('Hola,');
    }
  });

  it("replaces the model's own greeting line instead of greeting twice", () => {
    const out = wrapEmail('Hola Ana,\nTe envío la cotización.', policy, {
      customerName: 'Ana',
      businessName: 'X',
    });
    expect(out.match(/Hola/g)).toHaveLength(1);
    expect(out).toContain('Te envío la cotización.');
  });

  it('leaves out a greeting or signature the policy does not define', () => {
    const bare = { ...policy, emailGreeting: undefined, emailSignature: undefined };
    expect(wrapEmail('Cuerpo.', bare, { businessName: 'X' })).toBe('Cuerpo.');
  });

  it('takes the first word of a name', () => {
    expect(customerFirstName('  Carlos   Pérez ')).toBe('Carlos');
  });
});
