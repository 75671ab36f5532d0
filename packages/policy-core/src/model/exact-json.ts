import type { JsonObject } from './values.js';

/**
 * The JSON text of a decoded object when `JSON.parse` of it gives back an equal value, else undefined.
 * That holds for plain objects and arrays, strings, booleans, null and finite numbers other than -0.
 * Anything else (NaN and infinities, YAML 1.1 timestamps decoded as Dates, sets, binary) has no exact
 * JSON form, and neither has a value nested too deeply to walk: such objects are kept as they are.
 * (Values shared through YAML anchors and aliases come back as equal copies.)
 */
export function exactJson(value: JsonObject): string | undefined {
  try {
    return isPlainJson(value) ? JSON.stringify(value) : undefined;
  } catch {
    return undefined;
  }
}

function isPlainJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype === Array.prototype) {
        const array = value as unknown[];
        // A hole reads as undefined, which is not JSON.
        for (let i = 0; i < array.length; i++) if (!isPlainJson(array[i])) return false;
        return true;
      }
      if (prototype !== Object.prototype) return false;
      const object = value as JsonObject;
      for (const key in object) if (!isPlainJson(object[key])) return false;
      return true;
    }
    default:
      return false;
  }
}
