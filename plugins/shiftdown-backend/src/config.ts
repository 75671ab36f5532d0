/**
 * The plugin's `shiftdown:` settings (schema: config.d.ts), read once at start-up with their defaults.
 * A bad value fails start-up with a message that names the key, like Backstage's own config errors.
 */
import type { Config } from '@backstage/config';
import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { parseKubernetesVersion, parsePssVersion, type ProfileName } from '@shiftdown/policy-core';

export type SchemaValidationSetting = 'embedded' | 'off';

export interface ShiftdownSettings {
  kinds: string[];
  defaultManifestsPath: string;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scanOnStartup: boolean;
  concurrency: number;
  /** Worker threads that run scans (0: on the event loop). */
  scanThreads: number;
  profile?: ProfileName;
  pssVersion?: string;
  kubernetesVersion?: string;
  enforceSettings: boolean;
  schemaValidation: SchemaValidationSetting;
  /** Largest accepted push body, in bytes. */
  maxBodyBytes: number;
  /** The configured text of the limit (for messages), e.g. `5mb`. */
  maxBodySize: string;
  maxHistoryEntries: number;
}

export const DEFAULT_SETTINGS: ShiftdownSettings = {
  kinds: ['Component'],
  defaultManifestsPath: 'deploy/',
  schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
  scanOnStartup: false,
  concurrency: 4,
  scanThreads: 1,
  enforceSettings: false,
  schemaValidation: 'embedded',
  maxBodyBytes: 5 * 1024 * 1024,
  maxBodySize: '5mb',
  maxHistoryEntries: 100,
};

const PROFILES: readonly ProfileName[] = ['pss-baseline', 'pss-restricted', 'recommended', 'strict'];
const SIZE_UNITS: Readonly<Record<string, number>> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** The error thrown for an invalid `shiftdown.*` value. */
export class ShiftdownConfigError extends Error {
  override name = 'ShiftdownConfigError';
}

function fail(key: string, message: string): never {
  throw new ShiftdownConfigError(`Invalid config at shiftdown.${key}: ${message}`);
}

/** `5mb`, `512kb`, `1048576` → bytes (the units body-parser understands, powers of 1024). */
export function parseByteSize(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(text);
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * SIZE_UNITS[(match[2] ?? 'b').toLowerCase()]!);
  return bytes > 0 ? bytes : undefined;
}

export function readSettings(root: Config): ShiftdownSettings {
  const config = root.getOptionalConfig('shiftdown');
  if (!config) return { ...DEFAULT_SETTINGS };

  const kinds = config.getOptionalStringArray('kinds') ?? DEFAULT_SETTINGS.kinds;
  if (kinds.length === 0 || kinds.some((kind) => kind.trim() === ''))
    fail('kinds', 'list at least one entity kind');

  const defaultManifestsPath =
    config.getOptionalString('defaultManifestsPath') ?? DEFAULT_SETTINGS.defaultManifestsPath;
  if (defaultManifestsPath.trim() === '') fail('defaultManifestsPath', 'must not be empty');

  let schedule = DEFAULT_SETTINGS.schedule;
  if (config.has('schedule')) {
    try {
      schedule = readSchedulerServiceTaskScheduleDefinitionFromConfig(config.getConfig('schedule'));
    } catch (error) {
      fail('schedule', error instanceof Error ? error.message : String(error));
    }
  }

  const concurrency = config.getOptionalNumber('concurrency') ?? DEFAULT_SETTINGS.concurrency;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    fail('concurrency', 'must be an integer from 1 to 64');
  const scanThreads = config.getOptionalNumber('scanThreads') ?? DEFAULT_SETTINGS.scanThreads;
  if (!Number.isInteger(scanThreads) || scanThreads < 0 || scanThreads > 64)
    fail('scanThreads', 'must be an integer from 0 to 64');

  const profile = config.getOptionalString('profile');
  if (profile !== undefined && !PROFILES.includes(profile as ProfileName)) {
    fail('profile', `"${profile}" is not one of ${PROFILES.join(', ')}`);
  }
  const pssVersion = config.getOptionalString('pssVersion');
  if (pssVersion !== undefined && !parsePssVersion(pssVersion))
    fail('pssVersion', `"${pssVersion}" is not latest or v1.N`);
  const kubernetesVersion = config.getOptionalString('kubernetesVersion');
  if (kubernetesVersion !== undefined && !parseKubernetesVersion(kubernetesVersion)) {
    fail('kubernetesVersion', `"${kubernetesVersion}" is not 1.N`);
  }

  const schemaValidation = config.getOptionalString('schemaValidation') ?? DEFAULT_SETTINGS.schemaValidation;
  if (schemaValidation !== 'embedded' && schemaValidation !== 'off') {
    fail('schemaValidation', `"${schemaValidation}" is not embedded or off`);
  }

  const maxBodySize = config.getOptionalString('push.maxBodySize') ?? DEFAULT_SETTINGS.maxBodySize;
  const maxBodyBytes = parseByteSize(maxBodySize);
  if (maxBodyBytes === undefined)
    fail('push.maxBodySize', `"${maxBodySize}" is not a size such as 5mb, 512kb or 1048576`);

  const maxHistoryEntries =
    config.getOptionalNumber('history.maxEntries') ?? DEFAULT_SETTINGS.maxHistoryEntries;
  if (!Number.isInteger(maxHistoryEntries) || maxHistoryEntries < 1)
    fail('history.maxEntries', 'must be a positive integer');

  return {
    kinds,
    defaultManifestsPath,
    schedule,
    scanOnStartup: config.getOptionalBoolean('scanOnStartup') ?? DEFAULT_SETTINGS.scanOnStartup,
    concurrency,
    scanThreads,
    ...(profile !== undefined && { profile: profile as ProfileName }),
    ...(pssVersion !== undefined && { pssVersion }),
    ...(kubernetesVersion !== undefined && { kubernetesVersion }),
    enforceSettings: config.getOptionalBoolean('enforceSettings') ?? DEFAULT_SETTINGS.enforceSettings,
    schemaValidation,
    maxBodyBytes,
    maxBodySize,
    maxHistoryEntries,
  };
}
