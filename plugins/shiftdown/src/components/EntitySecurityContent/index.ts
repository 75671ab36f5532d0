export { EntitySecurityContent } from './EntitySecurityContent.js';
