import type { ModelDef } from '../orm/types.js';
import { BASE_MODELS } from './base.js';
import { CALENDAR_MODELS } from './calendar.js';
import { CRM_MODELS } from './crm.js';
import { PARTNER_MODELS } from './partner.js';
import { PRODUCT_MODELS } from './product.js';
import { PROJECT_MODELS } from './project.js';
import { SALE_MODELS } from './sale.js';
import { STOCK_MODELS } from './stock.js';

/** Every model the sandbox knows. */
export const ALL_MODELS: ModelDef[] = [
  ...BASE_MODELS,
  ...PARTNER_MODELS,
  ...PRODUCT_MODELS,
  ...SALE_MODELS,
  ...STOCK_MODELS,
  ...CRM_MODELS,
  ...CALENDAR_MODELS,
  ...PROJECT_MODELS,
];
