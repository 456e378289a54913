import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const appsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const distOf = (app: 'admin' | 'shop') => path.join(appsDir, app, 'dist');

/** Serves a built single-page app under `/<name>/`, falling back to its index.html for client routes. */
export async function serveSpa(app: FastifyInstance, name: 'admin' | 'shop') {
  const root = distOf(name);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    app.get(`/${name}*`, async (_req, reply) =>
      reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The ${name} front end is not built yet: run \`npm run build\` (npm start does it for you).`),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix: `/${name}/`,
    decorateReply: name === 'admin',
    wildcard: false,
    index: false,
  });
  const html = () => fs.readFileSync(path.join(root, 'index.html'));
  const spa = async (_req: unknown, reply: import('fastify').FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(html());
  app.get(`/${name}`, (_req, reply) => reply.redirect(`/${name}/`));
  app.get(`/${name}/`, spa);
  app.get(`/${name}/*`, async (req, reply) => {
    const rel = (req.params as { '*': string })['*'];
    const file = path.join(root, rel);
    if (rel && file.startsWith(root) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      const longCache = rel.startsWith('assets/');
      return reply
        .header('cache-control', longCache ? 'public, max-age=31536000, immutable' : 'no-cache')
        .sendFile(rel, root);
    }
    if (/\.[a-z0-9]+$/i.test(rel))
      return reply.code(404).send({ error: { code: 'NOT_FOUND', message: `No file ${rel}` } });
    return spa(req, reply);
  });
}
