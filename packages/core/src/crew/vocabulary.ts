import { z } from 'zod';
import { SPECIALIST_KINDS } from '../tenant/tenant.js';

const terms = z.array(z.string().trim().min(1).max(120)).default([]);

/**
 * Words and phrases (any language the crew speaks) that point the router at one specialist, by weight:
 * `clear` (3) is an intent on its own, `strong` (2) a strong hint, `context` (1) a product noun or a weekday.
 * Accents, case, plurals and common misspellings are folded away; a trailing `*` matches any word that
 * starts with it (`compr*`: comprar, compro). Longer phrases win over the words inside them.
 */
export const specialistKeywordsSchema = z.object({ clear: terms, strong: terms, context: terms }).strict();

/**
 * The business's own words, kept with its crews instead of in code: what routes a message to a specialist,
 * and what the offline engine reads as a product defect or a question about using the products.
 */
export const crewVocabularySchema = z
  .object({
    specialists: z.partialRecord(z.enum(SPECIALIST_KINDS), specialistKeywordsSchema).default({}),
    /** Phrases that describe a defect in a bought or applied product: support opens a ticket for them. */
    defects: terms,
    /** Questions about using the products (preparation, coverage): support procedures answer them. */
    productCare: terms,
  })
  .strict();

export type SpecialistKeywords = z.infer<typeof crewVocabularySchema>['specialists'];
export type CrewVocabulary = z.infer<typeof crewVocabularySchema>;

/** The weight of each keyword group when scoring a message for a specialist. */
export const KEYWORD_WEIGHTS = { clear: 3, strong: 2, context: 1 } as const;
