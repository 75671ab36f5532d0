import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Shiftdown: Kubernetes security scorecards per catalog entity (see docs/backstage.md). */
  shiftdown?: {
    /**
     * Catalog entity kinds the scheduled scan looks at. Default: ['Component'].
     * Pushed reports are accepted for an entity of any kind.
     */
    kinds?: string[];
    /**
     * Where the manifests are when an entity has no `shiftdown.dev/manifests` annotation: a path relative to
     * the entity's source location (`backstage.io/source-location`). Default: 'deploy/'.
     */
    defaultManifestsPath?: string;
    /**
     * When the scheduled scan of every entity runs (it runs on one replica at a time).
     * Default: every 30 minutes, with a 10 minute timeout.
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /** Trigger a scan of every entity when the backend starts. Default: false. */
    scanOnStartup?: boolean;
    /** How many entities are read and scanned at the same time during a scheduled scan. Default: 4. */
    concurrency?: number;
    /**
     * Worker threads that parse and check manifests and build their scorecards, so that a large scan does
     * not hold up the backend's request handling (the main thread reads the tree and stores the result).
     * 0 scans on the main thread (the event loop). Default: 1.
     */
    scanThreads?: number;
    /**
     * Rule profile for pulled scans, unless the repository's `.shiftdown.yaml` sets one. Default: 'recommended'.
     */
    profile?: 'pss-baseline' | 'pss-restricted' | 'recommended' | 'strict';
    /** Pod Security Standards version, `latest` or `v1.N`. Default: 'latest'. */
    pssVersion?: string;
    /** Target Kubernetes version `1.N` (removed APIs, version-dependent rules). Default: none. */
    kubernetesVersion?: string;
    /**
     * true: `profile`, `pssVersion` and `kubernetesVersion` above override the repository's `.shiftdown.yaml`
     * (comparable grades across services). Default: false (the repository's settings win).
     */
    enforceSettings?: boolean;
    /** Schema validation of pulled manifests: the embedded validator, or none. Default: 'embedded'. */
    schemaValidation?: 'embedded' | 'off';
    push?: {
      /** Largest accepted report body, e.g. '5mb', '512kb' (larger: 413). Default: '5mb'. */
      maxBodySize?: string;
    };
    history?: {
      /** Score history points kept per entity (older ones are deleted). Default: 100. */
      maxEntries?: number;
    };
  };
}
