/**
 * @siyu/core: the business logic. Apps import domains through their index (R1) and start the
 * runtime with `startSiyu`, which knows every domain's jobs and subscribers.
 */
import { accessJobs } from './access';
import { catalogRegistry } from './catalog';
import { customersRegistry } from './customers';
import { messagingRegistry } from './messaging';
import { ordersRegistry } from './orders';
import { type Config, createRuntime, mergeRegistries, type Registry, type RuntimeOptions } from './platform';
import { afterStart } from './startup';

export const registry: Registry = mergeRegistries(
  { jobs: accessJobs },
  customersRegistry,
  catalogRegistry,
  messagingRegistry,
  ordersRegistry,
);

/** The runtime with every domain, after the start-up upkeep (built-in role sync, payment key check). */
export async function startSiyu(config: Config, opts: Omit<RuntimeOptions, 'config' | 'registry'> = {}) {
  const rt = await createRuntime({ config, registry, ...opts });
  try {
    await afterStart(rt);
  } catch (e) {
    await rt.close();
    throw e;
  }
  return rt;
}
