import { MenuFoldOutlined, MenuUnfoldOutlined } from "@ant-design/icons";
import { Button, Grid, Layout, Menu, type MenuProps } from "antd";
import { type ReactNode, Suspense, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Outlet, useLocation } from "react-router-dom";
import { useMe } from "../api/auth.ts";
import { FullPageSpin } from "./auth-guard.tsx";
import { Brand } from "./brand.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { activeNavKey, NAV_GROUPS, visibleNavItems } from "./nav-items.tsx";
import { UserMenu } from "./user-menu.tsx";

const { Sider, Header, Content } = Layout;

type MenuItem = Required<MenuProps>["items"][number];

export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the menu folds away completely and closes again after each navigation.
  const mobile = Grid.useBreakpoint().md === false;
  useEffect(() => {
    if (mobile && location.pathname) setCollapsed(true);
  }, [mobile, location.pathname]);

  const items = useMemo<MenuItem[]>(() => {
    const visible = visibleNavItems(me.data);
    return NAV_GROUPS.flatMap((group): MenuItem[] => {
      const entries = visible.filter((item) => item.group === group);
      if (entries.length === 0) return [];
      const children = entries.map((item) => ({
        key: item.key,
        icon: item.icon,
        label: <Link to={item.path}>{t(item.labelKey)}</Link>,
      }));
      // The workbench is one entry: a group heading above it would only repeat its name.
      if (group === "workbench") return children;
      return [{ type: "group" as const, key: `group-${group}`, label: t(`menu.groups.${group}`), children }];
    });
  }, [me.data, t]);

  const selected = activeNavKey(location.pathname);
  if (!me.data) return <FullPageSpin />;

  return (
    <Layout className="app-shell">
      <Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        collapsedWidth={mobile ? 0 : 80}
        trigger={null}
        width={220}
        className="app-sider"
      >
        <Link to="/" className="sider-brand" aria-label={t("menu.home")}>
          <Brand compact={collapsed} inverted />
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
          data-testid="side-menu"
          aria-label={t("menu.navigation")}
        />
      </Sider>
      <Layout>
        <Header className="app-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => setCollapsed(!collapsed)}
            aria-label={collapsed ? t("menu.expand") : t("menu.collapse")}
          />
          <div className="app-header-right">
            <LanguageSwitch />
            <UserMenu me={me.data} />
          </div>
        </Header>
        <Content className="app-content">
          <Suspense fallback={<FullPageSpin />}>{children ?? <Outlet />}</Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
