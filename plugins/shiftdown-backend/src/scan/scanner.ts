/**
 * Pull: read each entity's manifests, scan them, store the scorecard. One entity at a time through
 * `scanEntity` (also what `POST …/refresh` calls), or every entity of the configured kinds through
 * `scanAll` (the scheduled task). A failing entity is logged and recorded, keeps its last scorecard,
 * and the run goes on.
 */
import type { AuthService, LoggerService, UrlReaderService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { isShiftdownAvailable } from '@shiftdown/backstage-plugin-shiftdown-common';
import type { ShiftdownSettings } from '../config.js';
import type { ScorecardStore } from '../database/ScorecardStore.js';
import type { SerialisedScorecard } from '../database/serialised-scorecard.js';
import { keyOfEntity } from '../entity-ref.js';
import { ManifestsLocationError, manifestsCandidates } from './locate.js';
import { readManifests } from './read-manifests.js';
import { RepositoryConfigError, settingsHash } from './scan-files.js';
import type { ScanOutcome, ScanRunner } from './scan-runner.js';

export type EntityScanOutcome =
  | { type: 'scanned'; scorecard: SerialisedScorecard; revision: number; location: string }
  | { type: 'not-modified'; location: string }
  | { type: 'no-manifests'; tried: string[] };

/** A scan of one entity failed; `statusCode` is what the refresh route answers with. */
export class ScanFailedError extends Error {
  override name = 'ScanFailedError';
  readonly #statusCode: 422 | 502 | 500;
  constructor(message: string, statusCode: 422 | 502 | 500) {
    super(message);
    this.#statusCode = statusCode;
  }
  /** A getter: read by Backstage's error handler, left out of the serialised error body. */
  get statusCode(): 422 | 502 | 500 {
    return this.#statusCode;
  }
}

export interface PullSummary {
  entities: number;
  scanned: number;
  unchanged: number;
  noManifests: number;
  failed: number;
}

export interface ScannerOptions {
  catalog: CatalogService;
  auth: AuthService;
  urlReader: UrlReaderService;
  store: ScorecardStore;
  logger: LoggerService;
  settings: ShiftdownSettings;
  integrations: ScmIntegrationRegistry;
  /** Where the scans run (worker threads or the main thread). */
  runner: ScanRunner;
}

/** A tree ETag that is a commit SHA (GitHub, GitLab, Bitbucket readers) says which commit was scanned. */
const COMMIT_SHA = /^[0-9a-f]{40}$/;

function isNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'NotFoundError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const ENTITY_FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations'];

export class ManifestScanner {
  readonly #inFlight = new Map<string, Promise<EntityScanOutcome>>();

  constructor(private readonly options: ScannerOptions) {}

  /**
   * Scan one entity. `force` ignores the stored ETag (re-read and re-scan even when unchanged). Scans
   * of the same entity that overlap share one run.
   */
  scanEntity(
    entity: Entity,
    options: { force?: boolean; signal?: AbortSignal } = {},
  ): Promise<EntityScanOutcome> {
    const key = keyOfEntity(entity);
    const running = this.#inFlight.get(key);
    if (running) return running;
    const run = this.#scan(entity, key, options).finally(() => this.#inFlight.delete(key));
    this.#inFlight.set(key, run);
    return run;
  }

  async #scan(
    entity: Entity,
    key: string,
    options: { force?: boolean; signal?: AbortSignal },
  ): Promise<EntityScanOutcome> {
    const { store, settings, integrations, urlReader } = this.options;
    const ref = stringifyEntityRef(entity);
    let candidates;
    try {
      candidates = manifestsCandidates(entity, {
        integrations,
        defaultManifestsPath: settings.defaultManifestsPath,
      });
    } catch (error) {
      if (!(error instanceof ManifestsLocationError)) throw error;
      await store.recordScanFailure(key, '', error.message);
      throw new ScanFailedError(error.message, 422);
    }
    if (candidates.length === 0) return { type: 'no-manifests', tried: [] };

    const state = await store.getScanState(key);
    const tried: string[] = [];
    for (const candidate of candidates) {
      const hash = settingsHash(settings, candidate.url, candidate.labelFilter);
      const reusable =
        !options.force &&
        state?.status === 'ok' &&
        state.location === candidate.url &&
        state.settingsHash === hash;
      let result;
      try {
        result = await readManifests(candidate.url, candidate.kind, {
          urlReader,
          ...(reusable && state.etag !== undefined && { etag: state.etag }),
          ...(options.signal && { signal: options.signal }),
        });
      } catch (error) {
        if (isNotFound(error)) {
          tried.push(candidate.url);
          continue;
        }
        const message = `${ref}: could not read ${candidate.url}: ${messageOf(error)}`;
        await store.recordScanFailure(key, candidate.url, message);
        throw new ScanFailedError(message, 502);
      }
      if (result.type === 'not-modified') {
        await store.recordNotModified(key);
        return { type: 'not-modified', location: candidate.url };
      }

      let scanned: ScanOutcome;
      try {
        scanned = await this.options.runner.scan({
          files: result.files,
          settings,
          ...(candidate.labelFilter && { labelFilter: candidate.labelFilter.spec }),
          scorecard: {
            entityRef: ref,
            scannedAt: new Date().toISOString(),
            location: candidate.url,
            kind: candidate.kind,
            ...(result.etag !== undefined && COMMIT_SHA.test(result.etag) && { commitSha: result.etag }),
          },
        });
      } catch (error) {
        const message = `${ref}: ${candidate.url}: ${messageOf(error)}`;
        await store.recordScanFailure(key, candidate.url, message);
        throw new ScanFailedError(message, error instanceof RepositoryConfigError ? 422 : 500);
      }
      if (scanned.type === 'no-files') {
        tried.push(
          `${candidate.url} (no manifests${candidate.labelFilter ? ` with ${candidate.labelFilter.description}` : ''})`,
        );
        continue;
      }

      const { scorecard } = scanned;
      const revision = await store.save(key, scorecard, {
        maxHistoryEntries: settings.maxHistoryEntries,
        scanState: {
          location: candidate.url,
          ...(result.etag !== undefined && { etag: result.etag }),
          settingsHash: hash,
        },
      });
      return { type: 'scanned', scorecard, revision, location: candidate.url };
    }

    if (candidates.every((candidate) => candidate.implicit)) {
      await store.recordNoManifests(key, tried.join(', '));
      return { type: 'no-manifests', tried };
    }
    const message = `${ref}: no Kubernetes manifests found at ${tried.join(', ')}`;
    await store.recordScanFailure(key, candidates[0]!.url, message);
    throw new ScanFailedError(message, 422);
  }

  /** Scan every entity of the configured kinds that has a Shiftdown, source-location or Kubernetes annotation. */
  async scanAll(signal?: AbortSignal): Promise<PullSummary> {
    const { catalog, auth, logger, settings } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const entities: Entity[] = [];
    for await (const page of catalog.streamEntities(
      { filter: { kind: settings.kinds }, fields: ENTITY_FIELDS },
      { credentials },
    )) {
      entities.push(...page.filter(isShiftdownAvailable));
    }
    const summary: PullSummary = {
      entities: entities.length,
      scanned: 0,
      unchanged: 0,
      noManifests: 0,
      failed: 0,
    };
    let next = 0;
    const worker = async () => {
      while (next < entities.length && !signal?.aborted) {
        const entity = entities[next++]!;
        try {
          const outcome = await this.scanEntity(entity, { ...(signal && { signal }) });
          if (outcome.type === 'scanned') summary.scanned++;
          else if (outcome.type === 'not-modified') summary.unchanged++;
          else summary.noManifests++;
        } catch (error) {
          summary.failed++;
          logger.warn(`Shiftdown scan of ${stringifyEntityRef(entity)} failed: ${messageOf(error)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, entities.length) }, worker));
    logger.info(
      `Shiftdown scan: ${summary.entities} entities, ${summary.scanned} scanned, ${summary.unchanged} unchanged, ` +
        `${summary.noManifests} without manifests, ${summary.failed} failed${signal?.aborted ? ' (aborted)' : ''}`,
    );
    return summary;
  }
}
