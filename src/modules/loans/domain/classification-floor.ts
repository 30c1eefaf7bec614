// A restructured loan is classified at least at a floor (default 次级) until its observation period
// ends, however current it is: a cured restructured loan is not "normal" the day after. The daily
// batch applies the same rule in SQL (cob/close-loans.ts, its `cls` step).
import type { Classification } from "./delinquency.ts";

export const CLASSIFICATION_ORDER: readonly Classification[] = [
  "normal",
  "special-mention",
  "substandard",
  "doubtful",
  "loss",
];

export function withFloor(options: {
  classification: Classification;
  floor: string | null;
  until: string | null;
  date: string;
}): Classification {
  const { classification, floor, until, date } = options;
  if (floor === null || until === null || date >= until) return classification;
  const floorRank = CLASSIFICATION_ORDER.indexOf(floor as Classification);
  return floorRank > CLASSIFICATION_ORDER.indexOf(classification)
    ? CLASSIFICATION_ORDER[floorRank]
    : classification;
}
