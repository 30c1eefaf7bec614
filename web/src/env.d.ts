/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" in builds for demo deployments, where the sign-in page lists the demo accounts. */
  readonly VITE_DEMO_HINT: string;
}
