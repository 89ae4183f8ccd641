// The agreement statistics in one place (docs/architecture.md, rule 4): import from here.
export * from './reliability-data.js';
export * from './percent-agreement.js';
export * from './cohen-kappa.js';
export * from './scott-pi.js';
export * from './fleiss-kappa.js';
export * from './coincidence.js';
export * from './krippendorff-alpha.js';
export * from './bootstrap-alpha.js';
export * from './coding-units.js';
export * from './coding-agreement.js';
export { normalCdf } from './normal.js';
export { seededRandom } from './random.js';
