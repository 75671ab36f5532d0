export { EntityShiftdownCard, type EntityShiftdownCardProps } from './EntityShiftdownCard.js';
