/**
 * Port of an embedding model. `id` names the model and its settings: points embedded by one id are not
 * comparable with another's, so ingestion folds it into each source's content hash.
 */
export interface Embedder {
  readonly id: string;
  readonly dimension: number;
  /** One vector per text, in order. */
  embed(texts: string[]): Promise<number[][]>;
}
