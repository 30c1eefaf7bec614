// 催收 pages: merges the topic files below under `collections` (zh-CN and en-US).
import type { DeepStrings } from "../../i18n/zh-cn.ts";
import { collectionsQueueEnUS, collectionsQueueZhCN } from "./queue-i18n.ts";
import { collectionsSummaryEnUS, collectionsSummaryZhCN } from "./summary-i18n.ts";
import { collectionsTaskEnUS, collectionsTaskZhCN } from "./task-i18n.ts";
import { collectionsVocabularyEnUS, collectionsVocabularyZhCN } from "./vocabulary-i18n.ts";

export const collectionsZhCN = {
  collections: {
    ...collectionsVocabularyZhCN,
    ...collectionsQueueZhCN,
    ...collectionsTaskZhCN,
    ...collectionsSummaryZhCN,
  },
};

// Typed by the zh-CN object, so the compiler still checks that the English has every key.
export const collectionsEnUS: DeepStrings<typeof collectionsZhCN> = {
  collections: {
    ...collectionsVocabularyEnUS,
    ...collectionsQueueEnUS,
    ...collectionsTaskEnUS,
    ...collectionsSummaryEnUS,
  },
};
