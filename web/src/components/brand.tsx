import { useTranslation } from "react-i18next";

/** The 小贷通 mark and name; `compact` shows the mark only (collapsed menu). */
export function Brand({ compact = false, inverted = false }: { compact?: boolean; inverted?: boolean }) {
  const { i18n } = useTranslation();
  const english = i18n.language === "en-US";
  return (
    <span className={`brand${inverted ? " brand-inverted" : ""}`}>
      <span className="brand-mark" aria-hidden="true">
        贷
      </span>
      {compact ? null : (
        <span className="brand-text">
          <span className="brand-name">{english ? "MicroCredit" : "小贷通"}</span>
          <span className="brand-sub">{english ? "小贷通" : "MicroCredit"}</span>
        </span>
      )}
    </span>
  );
}
