/**
 * `npm run dev`: the API (restarting on change) on :3000, and the admin console (:5173) and the
 * shop (:5174) with hot reload, proxying /api to the API.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const procs = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'apps/api/src/cli.ts', 'start', '--no-frontends'], {
    cwd: root,
    stdio: 'inherit',
  }),
  spawn('npx', ['vite', '--port', '5173', '--strictPort'], { cwd: path.join(root, 'apps/admin'), stdio: 'inherit' }),
  spawn('npx', ['vite', '--port', '5174', '--strictPort'], { cwd: path.join(root, 'apps/shop'), stdio: 'inherit' }),
];
console.log(
  '\n  Admin console (hot reload): http://localhost:5173/admin/\n  Shop (hot reload):          http://localhost:5174/shop/t/demo\n',
);
const stop = () => {
  for (const p of procs) p.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const p of procs) p.on('exit', (code) => code && code !== 0 && stop());
