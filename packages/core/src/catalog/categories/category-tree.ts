import type { Ctx } from '../../platform';
import { type CategoryRow, listCategoryRows } from './categories.repo';

export type TreeNode = { row: CategoryRow; depth: number; path: string[] };

/** Categories in tree order: a parent before its children, siblings by sort then name; with depth and id path. */
export function treeOrder(rows: CategoryRow[]): TreeNode[] {
  const children = new Map<string | null, CategoryRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const parent = r.parentId && ids.has(r.parentId) ? r.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), r]);
  }
  const out: TreeNode[] = [];
  const walk = (parent: string | null, depth: number, path: string[]) => {
    const kids = (children.get(parent) ?? []).sort((a, b) => a.sort - b.sort || a.name.localeCompare(b.name, 'zh-CN'));
    for (const k of kids) {
      const p = [...path, k.id];
      out.push({ row: k, depth, path: p });
      walk(k.id, depth + 1, p);
    }
  };
  walk(null, 1, []);
  return out;
}

/** The category and every category below it. */
export async function categoryAndDescendants(ctx: Ctx, id: string): Promise<string[]> {
  const tree = treeOrder(await listCategoryRows(ctx.db, ctx.tenantId));
  return tree.filter((n) => n.path.includes(id)).map((n) => n.row.id);
}

/** Names from the top down to the category (for search tokens and breadcrumbs). */
export async function categoryPaths(ctx: Ctx): Promise<Map<string, string[]>> {
  const tree = treeOrder(await listCategoryRows(ctx.db, ctx.tenantId));
  const names = new Map(tree.map((n) => [n.row.id, n.row.name]));
  return new Map(tree.map((n) => [n.row.id, n.path.map((p) => names.get(p)!)]));
}
