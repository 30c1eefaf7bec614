// Every knob the operator can turn comes from the environment (README has the table). Business
// rules are not here: they live in the settings table with effective dates.

import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type AppConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  /** Production mode: no demo data, first start creates `admin` with a random password. */
  production: boolean;
  /** 32-byte key for AES-256-GCM of personal data and the blind index. */
  dataKey: Buffer;
  sessionIdleMinutes: number;
  /** Sign-in attempts per IP per minute; generous, since a whole office shares one address. */
  loginRateLimit: number;
  logLevel: string;
  webDist: string;
  cobTime: string;
};

export class ConfigError extends Error {}

function readInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

// The embedded default keeps a generated key beside its data so a developer never has to set one;
// a real deployment must pass MC_DATA_KEY (64 hex characters) and keep it safe.
function loadDataKey(dataDir: string, production: boolean): Buffer {
  const fromEnv = process.env.MC_DATA_KEY;
  if (fromEnv) {
    if (!/^[0-9a-fA-F]{64}$/.test(fromEnv))
      throw new ConfigError("MC_DATA_KEY must be 64 hex characters (32 bytes)");
    return Buffer.from(fromEnv, "hex");
  }
  if (production && process.env.DATABASE_URL)
    throw new ConfigError("MC_DATA_KEY is required when running on PostgreSQL in production mode");
  mkdirSync(dataDir, { recursive: true });
  const keyFile = path.join(dataDir, "dev-data.key");
  if (existsSync(keyFile)) return Buffer.from(readFileSync(keyFile, "utf8").trim(), "hex");
  const key = randomBytes(32);
  writeFileSync(keyFile, key.toString("hex"), { mode: 0o600 });
  return key;
}

export function loadConfig(): AppConfig {
  const dataDir = path.resolve(process.env.DATA_DIR || "./data");
  const databaseUrl = process.env.DATABASE_URL || null;
  const production = process.env.MC_MODE === "production";
  const cobTime = process.env.MC_COB_TIME || "23:30";
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(cobTime)) throw new ConfigError("MC_COB_TIME must be HH:MM");
  return {
    port: readInt("PORT", 3000),
    host: process.env.HOST || "0.0.0.0",
    dataDir,
    databaseUrl,
    production,
    dataKey: loadDataKey(dataDir, production),
    sessionIdleMinutes: readInt("SESSION_IDLE_MINUTES", 30),
    loginRateLimit: readInt("LOGIN_RATE_LIMIT", 30),
    logLevel: process.env.LOG_LEVEL || "info",
    webDist: path.resolve(process.env.WEB_DIST || "web/dist"),
    cobTime,
  };
}

/** Config for tests: in-memory, fixed key, nothing on disk. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    port: 0,
    host: "127.0.0.1",
    dataDir: "",
    databaseUrl: null,
    production: false,
    dataKey: Buffer.alloc(32, 7),
    sessionIdleMinutes: 30,
    loginRateLimit: 10_000,
    logLevel: "silent",
    webDist: "",
    cobTime: "23:30",
    ...overrides,
  };
}
