// The staff console. `npm start` builds it into web/dist and the Fastify server serves it; in
// development `vite --config web/vite.config.ts` proxies the API to the server on port 3000.
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const webRoot = path.dirname(fileURLToPath(import.meta.url));
const apiTarget = process.env.MC_API_URL ?? "http://localhost:3000";

// ECharts and React in their own long-cached chunks. Ant Design is left to the bundler on purpose:
// one antd chunk would make the sign-in page download Table and DatePicker (1.25 MB instead of ~1 MB).
const VENDOR_GROUPS: Array<{ name: string; test: RegExp }> = [
  { name: "echarts", test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
  { name: "react", test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/ },
];

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  // The demo sign-in hint is for demo deployments only; a production build (MC_MODE=production) drops it.
  define: {
    "import.meta.env.VITE_DEMO_HINT": JSON.stringify(process.env.MC_MODE === "production" ? "" : "1"),
  },
  build: {
    outDir: path.join(webRoot, "dist"),
    emptyOutDir: true,
    // echarts/core with the bar, line and pie charts is ~550 kB on its own; anything beyond that is a regression.
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: VENDOR_GROUPS.map((group) => ({ name: group.name, test: group.test })),
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
      "/healthz": { target: apiTarget },
    },
  },
});
