// `npx microcredit <command>`. Bad arguments exit 2 with one clear line on stderr. Heavy modules are
// imported per command so that `schedule` or `payroll calc` start fast and touch no database.
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";

class UsageError extends Error {}

const USAGE = `Usage: microcredit <command>
  serve [--workers N]         run the server (what npm start runs after building the web console);
                              N processes on one port with DATABASE_URL (default WEB_CONCURRENCY or 1)
  start                       build the web console if needed, then serve
  migrate                     apply database migrations
  seed --demo                 load the demo company
  users create --username U --name NAME --roles r1,r2 [--password P]
  audit verify                check the audit trail's hash chain
  schedule --principal P --annual-rate R --term N --method M [--start YYYY-MM-DD] [--upfront-fee F] [--json]
  payroll calc --input FILE [--json]
  cob --date YYYY-MM-DD       run the close of business (日终) up to that date
  import calls FILE [--vendor V] [--json]   import call records (.csv or .xlsx), all or nothing`;

function flags<T extends NonNullable<ParseArgsConfig["options"]>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError((error as Error).message.split("\n")[0]);
  }
}

const io = {
  stdout: (s: string) => process.stdout.write(s.endsWith("\n") ? s : `${s}\n`),
  stderr: (s: string) => process.stderr.write(s.endsWith("\n") ? s : `${s}\n`),
};

async function withDatabase<T>(run: (db: import("./platform/db.ts").Db) => Promise<T>): Promise<T> {
  const { loadConfig } = await import("./platform/config.ts");
  const { openDatabase, migrateDatabase } = await import("./platform/db.ts");
  const config = loadConfig();
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateDatabase(handle);
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "serve":
    case "start": {
      const values = flags(rest, { workers: { type: "string" } });
      const { loadConfig } = await import("./platform/config.ts");
      const { workerCount, serveWorkers } = await import("./cluster.ts");
      const cluster = (await import("node:cluster")).default;
      let workers: number;
      try {
        workers = workerCount(values.workers);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const config = loadConfig();
      if (workers > 1 && !config.databaseUrl)
        throw new UsageError("--workers above 1 needs DATABASE_URL (PGlite is one process)");
      if (command === "start" && cluster.isPrimary) {
        const { ensureWebBuilt } = await import("./platform/web-build.ts");
        await ensureWebBuilt(io.stdout);
      }
      const { serve } = await import("./server.ts");
      const stop = workers > 1 ? await serveWorkers(config, workers) : await serve(config);
      const shutdown = async () => {
        await stop();
        process.exit(0);
      };
      process.once("SIGTERM", shutdown);
      process.once("SIGINT", shutdown);
      return -1;
    }
    case "migrate": {
      flags(rest, {});
      await withDatabase(async () => undefined);
      io.stdout("migrations applied");
      return 0;
    }
    case "seed": {
      const values = flags(rest, { demo: { type: "boolean" } });
      if (!values.demo) throw new UsageError("seed needs --demo");
      const { loadConfig } = await import("./platform/config.ts");
      const config = loadConfig();
      if (config.production)
        throw new UsageError("demo data is never loaded in production mode (MC_MODE=production)");
      const { seedDemoCompany } = await import("./platform/seed.ts");
      const result = await withDatabase((db) => seedDemoCompany(db, { dataKey: config.dataKey }));
      io.stdout(
        result.alreadyLoaded
          ? "demo company already loaded; nothing changed"
          : `demo company loaded: ${result.users} people; password Demo@2026`,
      );
      return 0;
    }
    case "users": {
      const [sub, ...more] = rest;
      if (sub !== "create") throw new UsageError(`unknown users command "${sub ?? ""}"; try: users create`);
      const v = flags(more, {
        username: { type: "string" },
        name: { type: "string" },
        roles: { type: "string" },
        password: { type: "string" },
      });
      if (!v.username || !v.name || !v.roles)
        throw new UsageError("users create needs --username, --name and --roles");
      const { createUser } = await import("./modules/identity/users.service.ts");
      const { systemContext } = await import("./platform/auth/actor.ts");
      const { DomainError } = await import("./platform/errors.ts");
      const { messageFor } = await import("./platform/messages.ts");
      try {
        const created = await withDatabase((db) =>
          createUser(db, systemContext(), {
            username: v.username as string,
            displayName: v.name as string,
            roles: (v.roles as string)
              .split(",")
              .map((r) => r.trim())
              .filter(Boolean),
            password: v.password,
          }),
        );
        io.stdout(`created ${created.user.username} (${created.user.roles.join(", ")})`);
        if (created.initialPassword) io.stdout(`one-time password: ${created.initialPassword}`);
        return 0;
      } catch (error) {
        if (error instanceof DomainError) {
          const detail = Object.entries(error.fields ?? {})
            .map(([f, c]) => `${f}: ${messageFor(c, "en-US")}`)
            .join("; ");
          throw new UsageError(detail || messageFor(error.code, "en-US", error.params));
        }
        throw error;
      }
    }
    case "audit": {
      const [sub, ...more] = rest;
      if (sub !== "verify") throw new UsageError(`unknown audit command "${sub ?? ""}"; try: audit verify`);
      flags(more, {});
      const { verifyAuditChain } = await import("./platform/audit.ts");
      const report = await withDatabase((db) => verifyAuditChain(db));
      if (report.ok) {
        io.stdout(`audit chain intact: ${report.checked} records verified`);
        return 0;
      }
      io.stderr(
        `audit chain BROKEN at record ${report.brokenAt}: ${report.reason} (${report.checked} records before it verified)`,
      );
      return 1;
    }
    case "schedule": {
      const { runScheduleCommand } = await import("./modules/loans/schedule.command.ts");
      return runScheduleCommand(rest, { ...io, today: new Date().toISOString().slice(0, 10) });
    }
    case "cob": {
      const v = flags(rest, { date: { type: "string" } });
      const { isRealDate } = await import("./platform/http/schemas.ts");
      if (!v.date || !isRealDate(v.date)) throw new UsageError("cob needs --date YYYY-MM-DD (a real date)");
      const { runCobCommand } = await import("./modules/loans/cob/cob.command.ts");
      const result = await withDatabase((db) => runCobCommand(db, v.date as string, io));
      if (result.usage) throw new UsageError(result.usage);
      return result.code;
    }
    case "import": {
      const [sub, ...more] = rest;
      if (sub !== "calls") throw new UsageError(`unknown import "${sub ?? ""}"; try: import calls FILE`);
      let parsed: ReturnType<typeof parseArgs>;
      try {
        parsed = parseArgs({
          args: more,
          options: { vendor: { type: "string" }, json: { type: "boolean" } },
          strict: true,
          allowPositionals: true,
        });
      } catch (error) {
        throw new UsageError((error as Error).message.split("\n")[0]);
      }
      if (parsed.positionals.length > 1) throw new UsageError("import calls takes one FILE");
      const { checkImportFile, runCallImportCommand } = await import("./modules/crm/call-import.command.ts");
      const file = parsed.positionals[0];
      const checked = checkImportFile(file);
      if ("usage" in checked) throw new UsageError(checked.usage);
      const { loadConfig } = await import("./platform/config.ts");
      const { createPiiCipher } = await import("./platform/pii.ts");
      const pii = createPiiCipher(loadConfig().dataKey);
      return withDatabase((db) =>
        runCallImportCommand(
          { db, pii },
          {
            file: file as string,
            kind: checked.kind,
            vendor: parsed.values.vendor as string | undefined,
            json: Boolean(parsed.values.json),
          },
          io,
        ),
      );
    }
    case "payroll": {
      const [sub, ...more] = rest;
      if (sub !== "calc")
        throw new UsageError(`unknown payroll command "${sub ?? ""}"; try: payroll calc --input FILE --json`);
      const { runPayrollCalcCommand } = await import("./modules/compensation/payroll-calc.command.ts");
      return runPayrollCalcCommand(more, { ...io, readFile: (p) => readFileSync(p, "utf8") });
    }
    case undefined:
    case "help":
    case "--help":
      io.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"; run microcredit --help`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`microcredit: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`microcredit: ${(error as Error).message}\n`);
    process.exitCode = 1;
    // A cluster worker that cannot start would stay alive on its channel to the primary, silently.
    if (cluster.isWorker) process.exit(1);
  },
);
