/**
 * The REST API under `/api/shiftdown` (routes: SHIFTDOWN_ROUTES in the common package).
 *
 * Every route needs credentials (Backstage's default policy). Reads and refresh take a user or a
 * service and look the entity up in the catalog *with the caller's credentials*: the catalog applies
 * its permission policy, so an entity the caller cannot see is a 404, exactly like one that does not
 * exist (its existence is not revealed). Pushes take service principals only (CI with an
 * `externalAccess` static token); the entity must exist in the catalog.
 */
import { createHash } from 'node:crypto';
import express, { type NextFunction, type Request, type Response } from 'express';
import Router from 'express-promise-router';
import type {
  AuditorService,
  AuditorServiceCreateEventOptions,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type CompoundEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { SHIFTDOWN_ROUTES, type ScoreHistory } from '@shiftdown/backstage-plugin-shiftdown-common';
import type { ShiftdownSettings } from '../config.js';
import type { ScorecardStore } from '../database/ScorecardStore.js';
import { serialiseScorecard } from '../database/serialised-scorecard.js';
import { entityKey, refFromParams } from '../entity-ref.js';
import { readPushMetadata } from '../push/push-metadata.js';
import { ReportValidator } from '../push/validate-report.js';
import type { ManifestScanner } from '../scan/scanner.js';
import { scorecardFromReport } from '../scorecard/from-report.js';
import { NO_LINKS, pushedSourceLinker } from '../scorecard/source-links.js';
import { buildOverview, parseOverviewQuery } from './overview.js';
import { integer, single } from './query.js';

export interface RouterOptions {
  httpAuth: HttpAuthService;
  auth: AuthService;
  catalog: CatalogService;
  store: ScorecardStore;
  scanner: ManifestScanner;
  settings: ShiftdownSettings;
  integrations: ScmIntegrationRegistry;
  logger: LoggerService;
  auditor?: AuditorService;
}

export const HISTORY_DEFAULT_LIMIT = 50;
const HISTORY_MAX_LIMIT = 10000;

/** 413 for a push body over `shiftdown.push.maxBodySize`. */
class PayloadTooLargeError extends Error {
  override name = 'PayloadTooLargeError';
  // A getter, not a field: the status picks the HTTP code without showing up in the serialised error.
  get statusCode(): number {
    return 413;
  }
}

/** 422 when an entity has nowhere to pull manifests from. */
class NoManifestsError extends Error {
  override name = 'NoManifestsError';
  get statusCode(): number {
    return 422;
  }
}

/**
 * A weak ETag for a stored scorecard without hashing its body: the revision names the stored scorecard,
 * and a failed pull shown with it (`lastError`) adds a digest of that failure's few hundred bytes.
 */
function scorecardEtag(read: { json: string; revision: number; pullError?: string }): string {
  const failure =
    read.pullError === undefined
      ? ''
      : `-${createHash('sha256').update(read.pullError).digest('base64url').slice(0, 16)}`;
  return `W/"r${read.revision}-${read.json.length}${failure}"`;
}

function errorBody(
  req: Request,
  status: number,
  error: { name: string; message: string; details?: unknown },
) {
  return { error, request: { method: req.method, url: req.originalUrl }, response: { statusCode: status } };
}

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { httpAuth, auth, catalog, store, scanner, settings, integrations, logger, auditor } = options;
  const validator = new ReportValidator();
  const router = Router();

  /** The entity as the caller may see it, or 404. */
  async function visibleEntity(ref: CompoundEntityRef, credentials: BackstageCredentials): Promise<Entity> {
    const entity = await catalog.getEntityByRef(ref, { credentials });
    if (!entity) throw new NotFoundError(`entity ${stringifyEntityRef(ref)} not found`);
    return entity;
  }

  async function audited<T>(
    eventId: string,
    req: Request,
    meta: NonNullable<AuditorServiceCreateEventOptions['meta']>,
    action: () => Promise<T>,
  ): Promise<T> {
    const event = await auditor?.createEvent({ eventId, request: req, severityLevel: 'medium', meta });
    try {
      const result = await action();
      await event?.success();
      return result;
    } catch (error) {
      await event?.fail({ error: error instanceof Error ? error : new Error(String(error)) });
      throw error;
    }
  }

  router.get('/scorecards/:kind/:namespace/:name', async (req, res) => {
    const ref = refFromParams(req.params);
    const credentials = await httpAuth.credentials(req);
    const entity = await visibleEntity(ref, credentials);
    const key = entityKey(ref);
    const read = await store.readScorecard(key);
    if (read === undefined)
      throw new NotFoundError(await missingScorecardMessage(stringifyEntityRef(entity), key));
    res.setHeader('ETag', scorecardEtag(read)); // If-None-Match → 304 (Express's fresh check)
    res.type('application/json').send(read.json);
  });

  async function missingScorecardMessage(entityRef: string, key: string): Promise<string> {
    const state = await store.getScanState(key);
    if (state?.status === 'error')
      return `no scorecard for ${entityRef}: the last scan failed: ${state.lastError}`;
    if (state?.status === 'no-manifests') {
      return `no scorecard for ${entityRef}: no manifests found at ${state.location}; set the shiftdown.dev/manifests annotation or push a report from CI`;
    }
    return `no scorecard for ${entityRef} yet`;
  }

  router.get('/scorecards/:kind/:namespace/:name/history', async (req, res) => {
    const ref = refFromParams(req.params);
    const query = req.query as Record<string, unknown>;
    const limit = integer(single(query, 'limit'), 'limit', HISTORY_DEFAULT_LIMIT, 1, HISTORY_MAX_LIMIT);
    const entity = await visibleEntity(ref, await httpAuth.credentials(req));
    const history: ScoreHistory = {
      entityRef: stringifyEntityRef(entity),
      items: await store.getHistory(entityKey(ref), limit),
    };
    res.json(history);
  });

  router.post('/scorecards/:kind/:namespace/:name/refresh', async (req, res) => {
    const ref = refFromParams(req.params);
    const entity = await visibleEntity(ref, await httpAuth.credentials(req));
    const entityRef = stringifyEntityRef(entity);
    const outcome = await audited('scorecard-refresh', req, { entityRef }, () =>
      scanner.scanEntity(entity, { force: true }),
    );
    if (outcome.type === 'no-manifests') {
      throw new NoManifestsError(
        outcome.tried.length === 0
          ? `${entityRef} has no shiftdown.dev/manifests, backstage.io/source-location or Kubernetes annotation to find its manifests`
          : `no manifests found for ${entityRef} at ${outcome.tried.join(', ')}; set the shiftdown.dev/manifests annotation`,
      );
    }
    logger.info(`Shiftdown refresh of ${entityRef}: ${outcome.type}`);
    if (outcome.type === 'scanned') {
      res.type('application/json').send(outcome.scorecard.json);
      return;
    }
    // Unchanged since the stored scan: the stored scorecard.
    const key = entityKey(ref);
    const read = await store.readScorecard(key);
    if (read === undefined) throw new NotFoundError(await missingScorecardMessage(entityRef, key));
    res.type('application/json').send(read.json);
  });

  const parseReport = express.json({ limit: settings.maxBodyBytes, type: () => true, strict: false });

  router.post(
    '/reports/:kind/:namespace/:name',
    async (req: Request, _res: Response, next: NextFunction) => {
      // Authenticate before reading the body: a user token gets 403, not a 5 MB upload.
      await httpAuth.credentials(req, { allow: ['service'] });
      next();
    },
    parseReport,
    async (req: Request, res: Response) => {
      const ref = refFromParams(req.params);
      const metadata = readPushMetadata(req);
      const entity = await catalog.getEntityByRef(ref, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      if (!entity) throw new NotFoundError(`entity ${stringifyEntityRef(ref)} not found in the catalog`);
      const entityRef = stringifyEntityRef(entity);
      const validation = validator.validate(req.body);
      if (!validation.valid) {
        res.status(400).json(
          errorBody(req, 400, {
            name: 'InputError',
            message: validation.message,
            details: validation.errors,
          }),
        );
        return;
      }
      const scorecard = serialiseScorecard(
        scorecardFromReport(validation.report, {
          entityRef,
          source: 'push',
          scannedAt: new Date().toISOString(),
          ...(metadata.commit !== undefined && { commitSha: metadata.commit }),
          ...(metadata.ref !== undefined && { ref: metadata.ref }),
          ...(metadata.repository !== undefined && { location: metadata.repository }),
          linkSource: metadata.repository
            ? pushedSourceLinker(
                metadata.repository,
                {
                  ...(metadata.commit && { commit: metadata.commit }),
                  ...(metadata.ref && { ref: metadata.ref }),
                },
                integrations,
              )
            : NO_LINKS,
        }),
      );
      const revision = await audited(
        'scorecard-push',
        req,
        { entityRef, ...(metadata.commit && { commit: metadata.commit }) },
        () => store.save(entityKey(ref), scorecard, { maxHistoryEntries: settings.maxHistoryEntries }),
      );
      logger.info(
        `Shiftdown report pushed for ${entityRef} (revision ${revision}${metadata.commit ? `, commit ${metadata.commit}` : ''})`,
      );
      res
        .status(201)
        .location(`${req.baseUrl}${SHIFTDOWN_ROUTES.scorecard(ref.kind, ref.namespace, ref.name)}`)
        .type('application/json')
        .send(scorecard.json);
    },
  );

  router.get('/overview', async (req, res) => {
    const query = parseOverviewQuery(req.query as Record<string, unknown>);
    const credentials = await httpAuth.credentials(req);
    res.json(await buildOverview(query, { store, catalog, credentials }));
  });

  // Body-parser errors in the words of this API (the root error handler renders the rest).
  router.use((error: unknown, _req: Request, _res: Response, next: NextFunction) => {
    const type = (error as { type?: unknown } | null)?.type;
    if (type === 'entity.too.large') {
      next(
        new PayloadTooLargeError(
          `the report is larger than shiftdown.push.maxBodySize (${settings.maxBodySize})`,
        ),
      );
    } else if (type === 'entity.parse.failed') {
      next(new InputError(`the body is not valid JSON: ${(error as Error).message}`));
    } else {
      next(error);
    }
  });

  return router;
}
