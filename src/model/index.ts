export * from './message.js';
export * from './document.js';
export * from './segment.js';
export * from './codebook.js';
export * from './coding.js';
export * from './kwic.js';
export * from './account.js';
export * from './table-file.js';
