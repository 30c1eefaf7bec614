// The settings memo inside a transaction: a prefetch of (key, date) pairs gives what getSetting would
// read on its own, and a row written through insertSettingRow is seen by the same transaction at once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../platform/testing/test-app.ts";
import { getSetting, insertSettingRow, prefetchSettings, SETTING_DEFAULTS } from "./settings.service.ts";

const PENALTY_FIRST = {
  components: ["penalty", "fee", "interest", "principal"],
  installments: "oldest-first",
  strategy: "by-installment",
} as const;
const PRINCIPAL_FIRST = {
  ...PENALTY_FIRST,
  components: ["principal", "interest", "fee", "penalty"],
} as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertSettingRow(t.handle.db, {
    key: "servicing.allocation-order",
    value: PENALTY_FIRST,
    effectiveFrom: "2031-01-01",
    note: "test: a later order",
  });
});
afterAll(async () => t.close());

describe("settings memo", () => {
  it("prefetches each key as of its own date, the same values getSetting reads alone", async () => {
    const db = t.handle.db;
    const alone = {
      before: await getSetting(db, "servicing.allocation-order", "2030-12-31"),
      after: await getSetting(db, "servicing.allocation-order", "2031-06-30"),
      rates: await getSetting(db, "servicing.provision-rates", "2031-06-30"),
    };
    expect(alone.after).toEqual(PENALTY_FIRST);
    expect(alone.before).not.toEqual(alone.after);
    await db.transaction(async (tx) => {
      await prefetchSettings(tx, [
        ["servicing.allocation-order", "2030-12-31"],
        ["servicing.allocation-order", "2031-06-30"],
        ["servicing.provision-rates", "2031-06-30"],
      ]);
      expect(await getSetting(tx, "servicing.allocation-order", "2030-12-31")).toEqual(alone.before);
      expect(await getSetting(tx, "servicing.allocation-order", "2031-06-30")).toEqual(alone.after);
      expect(await getSetting(tx, "servicing.provision-rates", "2031-06-30")).toEqual(alone.rates);
    });
  });

  it("answers a key that has no row with its default", async () => {
    await t.handle.db.transaction(async (tx) => {
      await prefetchSettings(tx, [
        ["servicing.classification-thresholds", "1990-01-01"],
        ["servicing.provision-rates", "1990-01-01"],
      ]);
      expect(await getSetting(tx, "servicing.provision-rates", "1990-01-01")).toEqual(
        SETTING_DEFAULTS["servicing.provision-rates"].default,
      );
      expect(await getSetting(tx, "servicing.classification-thresholds", "1990-01-01")).toEqual(
        SETTING_DEFAULTS["servicing.classification-thresholds"].default,
      );
    });
  });

  it("sees a row the same transaction wrote after the value was memoised", async () => {
    const rolledBack = new Error("roll back");
    await expect(
      t.handle.db.transaction(async (tx) => {
        const before = await getSetting(tx, "servicing.allocation-order", "2032-01-01");
        expect(before).toEqual(PENALTY_FIRST);
        await insertSettingRow(tx, {
          key: "servicing.allocation-order",
          value: PRINCIPAL_FIRST,
          effectiveFrom: "2032-01-01",
        });
        expect(await getSetting(tx, "servicing.allocation-order", "2032-01-01")).toEqual(PRINCIPAL_FIRST);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await getSetting(t.handle.db, "servicing.allocation-order", "2032-01-01")).toEqual(PENALTY_FIRST);
  });
});
