import {
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type LogLevel,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { createActivities, type ActivityDependencies } from '../activities';
import type { TenantContexts } from '../activities/sync/tenant-context';

export interface WorkerOptions {
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  maxConcurrentActivities?: number;
  /** How long a stopping worker lets running activities finish before cancelling them; default 10 s. */
  shutdownGraceMs?: number;
  deps: ActivityDependencies;
  /** Shared with the caller when it wants to read per-tenant API call counts. */
  contexts?: TenantContexts;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundles the workflow code once per process; later workers reuse it (tests start several). */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    logger: quietBundlerLogger,
  });
  return bundle;
}

let runtimeInstalled = false;

/** The SDK's own logs pass at this level and above (it is chatty at INFO). Once per process. */
export function installRuntime(
  level: LogLevel = (process.env.TEMPORAL_LOG_LEVEL as LogLevel | undefined) ?? 'WARN',
): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger(level) });
}

export async function createWorker(
  options: WorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  installRuntime();
  const connection = await NativeConnection.connect({ address: options.temporalAddress });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    // A bundle prepared ahead (KOPPELING_WORKFLOW_BUNDLE) spares the worker webpack's memory at start-up.
    workflowBundle: process.env.KOPPELING_WORKFLOW_BUNDLE
      ? { codePath: process.env.KOPPELING_WORKFLOW_BUNDLE }
      : await workflowBundle(),
    activities: createActivities(options.deps, options.contexts),
    maxConcurrentActivityTaskExecutions: options.maxConcurrentActivities ?? 100,
    shutdownGraceTime: options.shutdownGraceMs ?? 10_000,
  });
  return { worker, connection };
}

const quietBundlerLogger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  log: () => undefined,
};
