export * from './load-crews.js';
export * from './crew-invalid.js';
export * from './read-vocabulary.js';
