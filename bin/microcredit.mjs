#!/usr/bin/env node
// Runs the TypeScript sources directly (no build step after `npm install`), through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/cli.ts");
