// `microcredit serve`: open the database, apply migrations, bootstrap the first start, listen.

import { startDailyReportSchedule } from "./modules/crm/daily-report-schedule.ts";
import { ensureBuiltInRoles } from "./modules/identity/roles.service.ts";
import { startCobSchedule } from "./modules/loans/cob/cob-schedule.ts";
import { ROLE_KEYS } from "./platform/auth/permissions.ts";
import type { AppConfig } from "./platform/config.ts";
import { type DbHandle, migrateDatabase, openDatabase } from "./platform/db.ts";
import { buildApp } from "./platform/http/app.ts";
import { createFirstAdmin, DEMO_PASSWORD, seedDemoCompany, userCount } from "./platform/seed.ts";

/** Migrations, built-in roles and the first start (an administrator, or the demo company on PGlite). */
async function bootstrap(handle: DbHandle, config: AppConfig, log: (line: string) => void): Promise<boolean> {
  await migrateDatabase(handle);
  await ensureBuiltInRoles(handle.db);
  const firstStart = (await userCount(handle.db)) === 0;
  if (!firstStart) return false;
  if (handle.kind === "pglite" && !config.production) {
    log("首次启动:正在生成演示公司数据 / First start: seeding the demo company…");
    await seedDemoCompany(handle.db, { dataKey: config.dataKey });
    return true;
  }
  const password = await createFirstAdmin(handle.db);
  log("==================================================================");
  log(` 首次启动已创建管理员 / First start created the administrator:`);
  log(`   username: admin    password: ${password}`);
  log(" 此密码只显示这一次,登录后须修改 / Shown once only; change it at first sign-in.");
  log("==================================================================");
  return false;
}

/** The bootstrap on its own, for a cluster's primary before its workers start (cluster.ts). */
export async function prepareDatabase(config: AppConfig, log: (line: string) => void): Promise<void> {
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await bootstrap(handle, config, log);
  } finally {
    await handle.close();
  }
}

export async function serve(
  config: AppConfig,
  log: (line: string) => void = console.log,
  options: { prepared?: boolean; schedules?: boolean } = {},
): Promise<() => Promise<void>> {
  const started = Date.now();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const demo = options.prepared ? false : await bootstrap(handle, config, log);
  const app = await buildApp({ db: handle.db, config, dbKind: handle.kind });
  await app.listen({ port: config.port, host: config.host });
  // The daily close of business at MC_COB_TIME (China time); only `serve` starts it, never tests or the CLI.
  const schedules = options.schedules ?? true;
  const stopCob = schedules ? startCobSchedule(handle.db, { time: config.cobTime, log }) : () => undefined;
  // The sales floor's daily report after the close (setting crm.daily-report-time).
  const stopCrmReport = schedules ? startDailyReportSchedule(handle.db, { log }) : () => undefined;
  const shownHost = config.host === "0.0.0.0" ? "localhost" : config.host;
  log(
    `小贷通 MicroCredit is running at http://${shownHost}:${config.port}  (database: ${handle.kind}, ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  log(`API docs: http://${shownHost}:${config.port}/api/docs`);
  if (demo || (handle.kind === "pglite" && !config.production)) {
    log(`Demo sign-ins (password ${DEMO_PASSWORD}): ${ROLE_KEYS.join(", ")}`);
  }
  return async () => {
    stopCob();
    stopCrmReport();
    await app.close();
    await handle.close();
  };
}
