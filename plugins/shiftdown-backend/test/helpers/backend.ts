/**
 * A real Backstage test backend with the Shiftdown plugin: mock core services, an in-memory catalog
 * (optionally one that hides entities from some users, as a permission policy would), a URL reader
 * serving in-memory trees with ETags, and a real database from TestDatabases.
 */
import {
  coreServices,
  createBackendModule,
  type BackstageCredentials,
  type SchedulerService,
  type UrlReaderServiceReadTreeOptions,
  type UrlReaderServiceReadTreeResponse,
  type UrlReaderServiceReadUrlOptions,
  type UrlReaderServiceReadUrlResponse,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  type TestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import { NotFoundError, NotModifiedError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { JsonObject } from '@backstage/config';
import type { Knex } from 'knex';
import shiftdownPlugin from '../../src/index.js';
import { ScorecardStore } from '../../src/database/ScorecardStore.js';

export interface FakeTree {
  files: Record<string, string>;
  etag: string;
}

/**
 * What the URL reader serves: trees by URL (a tree is also found under its URL with a trailing `/`),
 * and failures to throw for some URLs. Mutable: tests change trees between scans.
 */
export class FakeRepository {
  readonly trees = new Map<string, FakeTree>();
  readonly failures = new Map<string, Error>();
  readonly calls: { method: 'readTree' | 'readUrl'; url: string; etag?: string }[] = [];

  set(url: string, files: Record<string, string>, etag: string): void {
    this.trees.set(url.replace(/\/+$/, ''), { files, etag });
  }

  #find(url: string): FakeTree {
    const failure = this.failures.get(url.replace(/\/+$/, ''));
    if (failure) throw failure;
    const tree = this.trees.get(url.replace(/\/+$/, ''));
    if (!tree) throw new NotFoundError(`${url} not found`);
    return tree;
  }

  async readTree(
    url: string,
    options?: UrlReaderServiceReadTreeOptions,
  ): Promise<UrlReaderServiceReadTreeResponse> {
    this.calls.push({ method: 'readTree', url, ...(options?.etag !== undefined && { etag: options.etag }) });
    const tree = this.#find(url);
    if (options?.etag !== undefined && options.etag === tree.etag) throw new NotModifiedError();
    const entries = Object.entries(tree.files).filter(
      ([path, text]) => options?.filter?.(path, { size: Buffer.byteLength(text) }) ?? true,
    );
    return {
      etag: tree.etag,
      files: async () => entries.map(([path, text]) => ({ path, content: async () => Buffer.from(text) })),
      archive: async () => {
        throw new Error('archive() is not used by the plugin');
      },
      dir: async () => {
        throw new Error('dir() is not used by the plugin');
      },
    };
  }

  async readUrl(
    url: string,
    options?: UrlReaderServiceReadUrlOptions,
  ): Promise<UrlReaderServiceReadUrlResponse> {
    this.calls.push({ method: 'readUrl', url, ...(options?.etag !== undefined && { etag: options.etag }) });
    const slash = url.lastIndexOf('/');
    const tree = this.#find(url.slice(0, slash));
    const text = tree.files[url.slice(slash + 1)];
    if (text === undefined) throw new NotFoundError(`${url} not found`);
    const etag = `${tree.etag}:${url}`;
    if (options?.etag === etag) throw new NotModifiedError();
    return { etag, buffer: async () => Buffer.from(text) };
  }
}

/** A label on entities that only `user:default/alice` (and services) may see. */
export const RESTRICTED_LABEL = 'test.shiftdown.dev/restricted';
export const ALICE = 'user:default/alice';
export const BOB = 'user:default/bob';

function canSee(entity: Entity | undefined, credentials: BackstageCredentials | undefined): boolean {
  if (!entity) return false;
  if (entity.metadata.labels?.[RESTRICTED_LABEL] !== 'true') return true;
  const principal = credentials?.principal as { type?: string; userEntityRef?: string } | undefined;
  return principal?.type === 'service' || principal?.userEntityRef === ALICE;
}

/** The in-memory catalog mock, answering like a catalog whose permission policy hides restricted entities from all users but Alice. */
export function permissionedCatalog(entities: Entity[]) {
  const inner = catalogServiceMock({ entities });
  return catalogServiceMock.mock({
    getEntityByRef: async (ref, options) => {
      const entity = await inner.getEntityByRef(ref);
      return canSee(entity, (options as { credentials?: BackstageCredentials } | undefined)?.credentials)
        ? entity
        : undefined;
    },
    getEntitiesByRefs: async (request, options) => {
      // The policy applies to whole entities, before the requested fields are picked.
      const whole = await inner.getEntitiesByRefs({ ...request, fields: undefined });
      const picked = await inner.getEntitiesByRefs(request);
      const credentials = (options as { credentials?: BackstageCredentials } | undefined)?.credentials;
      return {
        items: picked.items.map((entity, index) =>
          canSee(whole.items[index], credentials) ? entity : undefined,
        ),
      };
    },
    streamEntities: (request, options) => {
      const credentials = (options as { credentials?: BackstageCredentials } | undefined)?.credentials;
      return (async function* () {
        for await (const page of inner.streamEntities(request))
          yield page.filter((entity) => canSee(entity, credentials));
      })();
    },
  });
}

export interface ShiftdownBackend {
  backend: TestBackend;
  server: TestBackend['server'];
  store: ScorecardStore;
  scheduler: SchedulerService;
  repository: FakeRepository;
  catalog: ReturnType<typeof permissionedCatalog>;
}

export interface StartOptions {
  knex: Knex;
  entities: Entity[];
  config?: JsonObject;
  repository?: FakeRepository;
  /** Run the scheduled scan once at start-up, as the mock scheduler does by default. */
  scanOnStart?: boolean;
  /** Requests without a token are anonymous (401) instead of the mock user. */
  anonymousByDefault?: boolean;
}

export async function startShiftdown(options: StartOptions): Promise<ShiftdownBackend> {
  const repository = options.repository ?? new FakeRepository();
  const catalog = permissionedCatalog(options.entities);
  const captured: { scheduler?: SchedulerService } = {};
  // Gives the test the plugin's own scheduler, to run the scheduled scan when it wants.
  const schedulerProbe = createBackendModule({
    pluginId: 'shiftdown',
    moduleId: 'test-scheduler-probe',
    register(env) {
      env.registerInit({
        deps: { scheduler: coreServices.scheduler },
        async init({ scheduler }) {
          captured.scheduler = scheduler;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      shiftdownPlugin,
      schedulerProbe,
      mockServices.database.factory({ knex: options.knex }),
      mockServices.rootConfig.factory({ data: options.config ?? {} }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: !options.scanOnStart }),
      mockServices.urlReader.mock({
        readTree: (url, readOptions) => repository.readTree(url, readOptions),
        readUrl: (url, readOptions) => repository.readUrl(url, readOptions),
      }).factory,
      catalog.factory,
      ...(options.anonymousByDefault
        ? [mockServices.httpAuth.factory({ defaultCredentials: mockCredentials.none() })]
        : []),
    ],
  });
  return {
    backend,
    server: backend.server,
    store: new ScorecardStore(options.knex),
    scheduler: captured.scheduler!,
    repository,
    catalog,
  };
}

export function component(
  name: string,
  annotations: Record<string, string> = {},
  extra: Partial<Entity['metadata']> = {},
  spec: JsonObject = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations, ...extra },
    spec: { type: 'service', lifecycle: 'production', owner: 'team-a', ...spec },
  };
}
