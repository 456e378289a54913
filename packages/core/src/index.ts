/**
 * @siyu/core: the business logic. Apps import domains through their index (R1) and start the
 * runtime with `startSiyu`, which knows every domain's jobs and subscribers.
 */
import { accessJobs } from './access';
import { catalogRegistry } from './catalog';
import { customersRegistry } from './customers';
import { ordersRegistry } from './orders';
import { type Config, createRuntime, mergeRegistries, type Registry, type RuntimeOptions } from './platform';

export const registry: Registry = mergeRegistries(
  { jobs: accessJobs },
  customersRegistry,
  catalogRegistry,
  ordersRegistry,
);

export const startSiyu = (config: Config, opts: Omit<RuntimeOptions, 'config' | 'registry'> = {}) =>
  createRuntime({ config, registry, ...opts });
