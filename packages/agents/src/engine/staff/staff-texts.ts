import type { Language } from '@mcp-crew/core';

/** What the copilot says to a staff member (es/pt/en): to a colleague in Odoo, never to a customer. */
export interface StaffTexts {
  created: (ref: string, customer: string) => string;
  updated: (ref: string) => string;
  subtotal: string;
  /** The label when the order has no taxes (Odoo names the ones it has). */
  taxes: string;
  total: string;
  short: (lines: string) => string;
  askConfirm: string;
  confirmed: (ref: string, total: string) => string;
  cancelled: (ref: string) => string;
  whichCustomer: string;
  noCustomer: (name: string) => string;
  manyCustomers: (name: string) => string;
  noProduct: (said: string) => string;
  nothingPending: string;
  ready: string;
}

const ES: StaffTexts = {
  created: (ref, customer) => `Creé la cotización ${ref} para ${customer}:`,
  updated: (ref) => `Actualicé la cotización ${ref}:`,
  subtotal: 'Subtotal',
  taxes: 'Impuestos',
  total: 'Total',
  short: (lines) => `Sin stock suficiente: ${lines}.`,
  askConfirm: '¿La confirmo como pedido de venta? Responde «sí» para confirmarla.',
  confirmed: (ref, total) => `Confirmé el pedido de venta ${ref} (total ${total}).`,
  cancelled: (ref) => `Cancelé ${ref}.`,
  whichCustomer:
    '¿Para qué cliente? Escribe su nombre como está en Odoo, o abre su ficha y vuelve a pedírmelo.',
  noCustomer: (name) => `No encontré ningún cliente llamado «${name}» en Odoo.`,
  manyCustomers: (name) =>
    `Hay varios clientes que coinciden con «${name}»; escribe el nombre completo como está en Odoo.`,
  noProduct: (said) => `No encontré ningún producto vendible que coincida con «${said}» en Odoo.`,
  nothingPending: 'No tengo ninguna cotización pendiente de confirmar en esta conversación.',
  ready: 'Dime qué necesitas: cotizaciones, pedidos, clientes, productos o inventario.',
};

const PT: StaffTexts = {
  created: (ref, customer) => `Criei o orçamento ${ref} para ${customer}:`,
  updated: (ref) => `Atualizei o orçamento ${ref}:`,
  subtotal: 'Subtotal',
  taxes: 'Impostos',
  total: 'Total',
  short: (lines) => `Sem estoque suficiente: ${lines}.`,
  askConfirm: 'Confirmo como pedido de venda? Responda «sim» para confirmar.',
  confirmed: (ref, total) => `Confirmei o pedido de venda ${ref} (total ${total}).`,
  cancelled: (ref) => `Cancelei ${ref}.`,
  whichCustomer: 'Para qual cliente? Escreva o nome como está no Odoo, ou abra a ficha dele e peça de novo.',
  noCustomer: (name) => `Não encontrei nenhum cliente chamado «${name}» no Odoo.`,
  manyCustomers: (name) =>
    `Vários clientes correspondem a «${name}»; escreva o nome completo como está no Odoo.`,
  noProduct: (said) => `Não encontrei nenhum produto vendável que corresponda a «${said}» no Odoo.`,
  nothingPending: 'Não há nenhum orçamento aguardando confirmação nesta conversa.',
  ready: 'Diga o que precisa: orçamentos, pedidos, clientes, produtos ou estoque.',
};

const EN: StaffTexts = {
  created: (ref, customer) => `I created quotation ${ref} for ${customer}:`,
  updated: (ref) => `I updated quotation ${ref}:`,
  subtotal: 'Subtotal',
  taxes: 'Taxes',
  total: 'Total',
  short: (lines) => `Not enough stock: ${lines}.`,
  askConfirm: 'Shall I confirm it as a sales order? Reply "yes" to confirm.',
  confirmed: (ref, total) => `I confirmed sales order ${ref} (total ${total}).`,
  cancelled: (ref) => `I cancelled ${ref}.`,
  whichCustomer: 'For which customer? Write their name as it is in Odoo, or open their record and ask again.',
  noCustomer: (name) => `I found no customer called "${name}" in Odoo.`,
  manyCustomers: (name) => `Several customers match "${name}"; write the full name as it is in Odoo.`,
  noProduct: (said) => `I found no saleable product matching "${said}" in Odoo.`,
  nothingPending: 'There is no quotation waiting for confirmation in this conversation.',
  ready: 'Tell me what you need: quotations, orders, customers, products or stock.',
};

export function staffTextsFor(language: Language): StaffTexts {
  return language === 'pt' ? PT : language === 'en' ? EN : ES;
}

/** "unit(s) on hand" in a stock note. */
export function onHand(language: Language, available: number, asked: number): string {
  if (language === 'pt') return `${available} em estoque, pedidas ${asked}`;
  if (language === 'en') return `${available} on hand, ${asked} asked`;
  return `${available} disponibles, se piden ${asked}`;
}
