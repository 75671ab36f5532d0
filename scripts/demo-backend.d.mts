// Types of demo-backend.mjs, for the TypeScript end-to-end tests.
import type { ChildProcess } from 'node:child_process';

export interface DemoBackendExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface DemoBackendProcess {
  baseUrl: string;
  logFile: string;
  child: ChildProcess;
  exited: Promise<DemoBackendExit>;
  exitStatus(): DemoBackendExit | undefined;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

export function describeExit(exit: DemoBackendExit): string;

export function startDemoBackend(options: {
  root: string;
  port: number;
  env?: Record<string, string>;
  logFile: string;
}): DemoBackendProcess;

export function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options?: { token?: string; body?: unknown; timeoutMs?: number },
): Promise<{ status: number; body: T }>;

export function guestToken(
  backend: Pick<DemoBackendProcess, 'baseUrl' | 'logFile' | 'exited' | 'exitStatus' | 'logTail'>,
  options?: { timeoutMs?: number },
): Promise<string>;

/** The overview entries: `OverviewEntry` of @shiftdown/backstage-plugin-shiftdown-common. */
export function waitForScorecards<TEntry = unknown>(
  backend: Pick<DemoBackendProcess, 'baseUrl' | 'logFile'>,
  token: string,
  options?: { timeoutMs?: number },
): Promise<TEntry[]>;
