import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "./i18n/setup.ts";
import { ConsoleApp } from "./app.tsx";
import { AppProviders } from "./components/app-providers.tsx";
import "./styles.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <AppProviders>
      <ConsoleApp />
    </AppProviders>
  </StrictMode>,
);
