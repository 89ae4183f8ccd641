export * from './normalise.js';
export * from './offsets.js';
export * from './tokenise.js';
export * from './stem.js';
export * from './sentences.js';
export * from './decode.js';
export * from './segment.js';
