// Round-robin assignment within a group: each lead goes to the available member who was given a lead
// longest ago (never given one = first), skipping people who are away or already hold their cap of
// open leads. Remembering "last given at" per person, rather than a pointer, keeps the rotation fair
// when members join, leave or come back from leave. Pure: the service loads the slots and saves.

export type AgentSlot = {
  userId: string;
  /** For a stable order among people never given a lead. */
  sortKey: string;
  openLeads: number;
  capacity: number;
  away: boolean;
  /** Epoch ms of the last lead given, or null. */
  lastAssignedAt: number | null;
};

export type Assignment = { ownerIds: string[]; slots: AgentSlot[] };

export function isAvailable(slot: AgentSlot): boolean {
  return !slot.away && slot.openLeads < slot.capacity;
}

function before(a: AgentSlot, b: AgentSlot): boolean {
  const la = a.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  const lb = b.lastAssignedAt ?? Number.NEGATIVE_INFINITY;
  if (la !== lb) return la < lb;
  return a.sortKey < b.sortKey;
}

/**
 * Owners for `count` new leads in order, and the slots as they stand afterwards (open counts and
 * last-given times moved on). Null when the group runs out of room before every lead has an owner.
 */
export function assignRoundRobin(slots: readonly AgentSlot[], count: number, now: number): Assignment | null {
  const state = slots.map((s) => ({ ...s }));
  const ownerIds: string[] = [];
  for (let i = 0; i < count; i++) {
    let next: AgentSlot | null = null;
    for (const slot of state) if (isAvailable(slot) && (!next || before(slot, next))) next = slot;
    if (!next) return null;
    ownerIds.push(next.userId);
    next.openLeads += 1;
    // Strictly increasing within one batch, so a batch of leads rotates through the group.
    next.lastAssignedAt = now + i;
  }
  return { ownerIds, slots: state };
}
