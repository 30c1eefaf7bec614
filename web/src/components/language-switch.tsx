import { GlobalOutlined } from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage, LANGUAGES, type Language } from "../i18n/setup.ts";

export function LanguageSwitch({ light = false }: { light?: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        selectable: true,
        selectedKeys: [language],
        items: LANGUAGES.map((key) => ({ key, label: t(`lang.${key}`) })),
        onClick: ({ key }) => void changeLanguage(key as Language),
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        aria-label={t("lang.label")}
        data-testid="language-switch"
        style={light ? { color: "rgba(255,255,255,0.9)" } : undefined}
      >
        {language === "zh-CN" ? "中文" : "EN"}
      </Button>
    </Dropdown>
  );
}
