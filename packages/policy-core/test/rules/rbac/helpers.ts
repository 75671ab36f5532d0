/** Shared helpers for the RBAC permission-model tests. */
export { indexOf } from '../harness.js';
