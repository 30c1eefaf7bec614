// Everything around the routes: data cache, Ant Design locale and theme, dayjs locale, message API.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider, theme } from "antd";
import enUSLocale from "antd/locale/en_US";
import zhCNLocale from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import "dayjs/locale/en";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client.ts";

// People who ask their system for less motion (prefers-reduced-motion) get dialogs, drawers and
// dropdowns without animation; the browser suite asks for it too, so no click lands mid-animation.
const REDUCED_MOTION =
  typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // 4xx answers do not get better by asking again.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export const FONT_FAMILY =
  "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Helvetica Neue', Arial, sans-serif";

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const english = i18n.language === "en-US";
  useEffect(() => {
    dayjs.locale(english ? "en" : "zh-cn");
  }, [english]);
  dayjs.locale(english ? "en" : "zh-cn");
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider
        locale={english ? enUSLocale : zhCNLocale}
        theme={{
          algorithm: theme.defaultAlgorithm,
          token: {
            colorPrimary: "#1668dc",
            borderRadius: 6,
            fontFamily: FONT_FAMILY,
            motion: !REDUCED_MOTION,
          },
          components: { Layout: { headerBg: "#ffffff", headerPadding: "0 20px", siderBg: "#001529" } },
        }}
      >
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
