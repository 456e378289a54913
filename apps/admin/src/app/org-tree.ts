import type { OrgUnit } from '@siyu/contracts';

export type OrgNode = OrgUnit & { children?: OrgNode[] };

/** Builds the tree from the flat list by parentId; orphans (parent not visible) become roots. */
export function buildOrgTree(units: OrgUnit[]): OrgNode[] {
  const byId = new Map<string, OrgNode>(units.map((u) => [u.id, { ...u }]));
  const roots: OrgNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId ? byId.get(node.parentId) : undefined;
    if (!parent) roots.push(node);
    else if (parent.children) parent.children.push(node);
    else parent.children = [node];
  }
  const sort = (nodes: OrgNode[]) => {
    nodes.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'department' ? -1 : 1));
    for (const n of nodes) if (n.children) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** The ids of a unit and everything below it (a unit cannot move under its own subtree). */
export function subtreeIds(units: OrgUnit[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

export type TreeSelectNode = { value: string; title: string; disabled?: boolean; children?: TreeSelectNode[] };

/** Tree data for antd TreeSelect. */
export function toTreeSelect(nodes: OrgNode[], disabled: Set<string> = new Set()): TreeSelectNode[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: disabled.has(n.id),
    children: n.children ? toTreeSelect(n.children, disabled) : undefined,
  }));
}
