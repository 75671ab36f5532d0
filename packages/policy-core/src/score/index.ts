export * from './grade.js';
export * from './compute.js';
export * from './maturity.js';
