/**
 * DESIGN.md R1/R2 as checked rules (`npm run check:boundaries`).
 * - apps → core domains' index.ts (and platform/index.ts) → contracts; UIs import contracts only;
 * - a domain imports only the index.ts of domains earlier in DOMAINS; platform imports no domain;
 * - only a domain's *.repo.ts imports its *.tables.ts; contracts import nothing of ours but contracts.
 */
const DOMAINS = [
  'access',
  'customers',
  'catalog',
  'messaging',
  'segments',
  'groups',
  'promotions',
  'orders',
  'referral',
  'automations',
  'analytics',
];
const CORE = '^packages/core/src/';
const TEST = '(\\.test\\.ts|/testing\\.ts)$';

const orderRules = DOMAINS.flatMap((d, i) => {
  const later = DOMAINS.slice(i + 1);
  const earlier = DOMAINS.slice(0, i);
  const rules = [];
  if (later.length)
    rules.push({
      name: `order-${d}`,
      comment: `${d} may not import later domains (${later.join(', ')}); send an event instead (R1, R3)`,
      severity: 'error',
      from: { path: `${CORE}${d}/`, pathNot: TEST },
      to: { path: `${CORE}(${later.join('|')})/` },
    });
  if (earlier.length)
    rules.push({
      name: `index-only-${d}`,
      comment: `${d} may use earlier domains only through their index.ts (R1)`,
      severity: 'error',
      from: { path: `${CORE}${d}/` },
      to: { path: `${CORE}(${earlier.join('|')})/`, pathNot: `${CORE}(${earlier.join('|')})/index\\.ts$` },
    });
  return rules;
});

module.exports = {
  forbidden: [
    ...orderRules,
    {
      name: 'platform-below-domains',
      comment: 'platform is below every domain and imports none (R1)',
      severity: 'error',
      from: { path: `${CORE}platform/`, pathNot: TEST },
      to: { path: `${CORE}(${DOMAINS.join('|')})/` },
    },
    {
      name: 'apps-through-index',
      comment: 'apps reach core only through a domain index.ts, platform/index.ts, index.ts or testing.ts (R1)',
      severity: 'error',
      from: { path: '^apps/' },
      to: { path: CORE, pathNot: [`${CORE}[a-z-]+/index\\.ts$`, `${CORE}(index|testing)\\.ts$`] },
    },
    {
      name: 'ui-contracts-only',
      comment: 'the admin console and the shop talk to the API; they import contracts, never core',
      severity: 'error',
      from: { path: '^apps/(admin|shop)/' },
      to: { path: '^(packages/core|apps/(api|worker))/' },
    },
    {
      name: 'tables-in-repos-only',
      comment: "only a domain's *.repo.ts imports its *.tables.ts (R2)",
      severity: 'error',
      from: { path: `${CORE}(${DOMAINS.join('|')})/`, pathNot: '(\\.repo\\.ts|\\.test\\.ts)$' },
      to: { path: '\\.tables\\.ts$' },
    },
    {
      name: 'contracts-are-isomorphic',
      comment: 'contracts import neither node built-ins nor core or apps',
      severity: 'error',
      from: { path: '^packages/contracts/' },
      to: { path: '^(packages/core|apps)/|^node:|^(fs|path|crypto|os|child_process)$', dependencyTypesNot: ['npm'] },
    },
    {
      name: 'no-circular-domains',
      severity: 'error',
      from: { path: CORE },
      to: { circular: true, path: CORE, pathNot: `${CORE}platform/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'default'],
      extensions: ['.ts', '.tsx', '.js'],
    },
  },
};
