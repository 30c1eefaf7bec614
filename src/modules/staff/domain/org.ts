// The reporting line as data: who reports to whom on one date. Pure helpers for the checks a change
// must pass (no loop in the manager chain) and for drawing the org chart as a tree.

/** staffId → managerId (null at the top). */
export type ManagerLinks = ReadonlyMap<string, string | null>;

/**
 * The loop that giving `staffId` the manager `managerId` would close, as ids from the person back to
 * the person (["a", "b", "a"]); null when the chain ends at the top.
 */
export function cycleIfManaged(links: ManagerLinks, change: { staffId: string; managerId: string | null }) {
  if (change.managerId === null) return null;
  const chain = [change.staffId];
  const seen = new Set(chain);
  let at: string | null = change.managerId;
  while (at !== null) {
    chain.push(at);
    if (at === change.staffId) return chain;
    // A loop that does not pass through the person was there before; it is not this change's.
    if (seen.has(at)) return null;
    seen.add(at);
    at = links.get(at) ?? null;
  }
  return null;
}

/** Everyone whose chain leads up to `rootId`, the root excluded. */
export function descendantsOf(links: ManagerLinks, rootId: string): Set<string> {
  const reports = new Map<string, string[]>();
  for (const [id, manager] of links) {
    if (manager === null) continue;
    const list = reports.get(manager);
    if (list) list.push(id);
    else reports.set(manager, [id]);
  }
  const found = new Set<string>();
  const queue = [...(reports.get(rootId) ?? [])];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (found.has(next) || next === rootId) continue;
    found.add(next);
    queue.push(...(reports.get(next) ?? []));
  }
  return found;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

/**
 * Nodes under their managers, in input order. Someone whose manager is not among the nodes becomes
 * a root, so a partial view (one team) is still a tree.
 */
export function buildTree<T extends { id: string; managerId: string | null }>(
  nodes: readonly T[],
): TreeNode<T>[] {
  const byId = new Map<string, TreeNode<T>>(nodes.map((n) => [n.id, { ...n, children: [] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of byId.values()) {
    const parent = node.managerId === null ? undefined : byId.get(node.managerId);
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/**
 * The nearest manager up the chain that is in `members`, skipping people outside it (a customer
 * manager under a leader who is not on the sales payroll still counts toward the director).
 */
export function nearestManagerIn(
  links: ManagerLinks,
  options: { staffId: string; members: ReadonlySet<string> },
): string | null {
  const seen = new Set<string>([options.staffId]);
  let at = links.get(options.staffId) ?? null;
  while (at !== null && !seen.has(at)) {
    if (options.members.has(at)) return at;
    seen.add(at);
    at = links.get(at) ?? null;
  }
  return null;
}
