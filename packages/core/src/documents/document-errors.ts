import { CrewError } from '../errors/crew-error.js';

/** Stable codes of the document store port. */
export const DocumentErrorCode = {
  /** A create met an existing document, or an update's expected revision was stale. */
  conflict: 'DOCUMENT_CONFLICT',
  notFound: 'DOCUMENT_NOT_FOUND',
  /** The store could not be reached or refused the operation (retry may help). */
  unavailable: 'DOCUMENT_STORE_UNAVAILABLE',
} as const;

export function documentConflict(message: string, details: Record<string, unknown>): CrewError {
  return new CrewError(DocumentErrorCode.conflict, message, {
    domain: 'documents',
    category: 'user',
    details,
  });
}

export function documentNotFound(message: string, details: Record<string, unknown>): CrewError {
  return new CrewError(DocumentErrorCode.notFound, message, {
    domain: 'documents',
    category: 'user',
    details,
  });
}

export function documentStoreUnavailable(store: string, cause: unknown): CrewError {
  return new CrewError(DocumentErrorCode.unavailable, `the ${store} document store failed`, {
    domain: 'documents',
    category: 'third_party',
    retryable: true,
    details: { store },
    cause,
  });
}
