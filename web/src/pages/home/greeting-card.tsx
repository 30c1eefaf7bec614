import { ApartmentOutlined, CalendarOutlined, EyeOutlined, UserOutlined } from "@ant-design/icons";
import { Avatar, Card, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { hasPermission } from "../../api/auth.ts";
import { useAllUsers, useDepartments } from "../../api/identity.ts";
import type { Me } from "../../api/types.ts";
import { RoleTags } from "../../components/role-tags.tsx";
import { BUSINESS_TZ, todayInChina } from "../../format.ts";

function dayPart(hour: number): "morning" | "noon" | "afternoon" | "evening" {
  if (hour < 11) return "morning";
  if (hour < 13) return "noon";
  if (hour < 18) return "afternoon";
  return "evening";
}

/** The department: from /auth/me when it carries it, else (for admins) from the user list. */
function useDepartmentName(me: Me): string | null {
  const { i18n } = useTranslation();
  const departments = useDepartments();
  const canList = hasPermission(me, "users.manage") && me.user.departmentId === undefined;
  const users = useAllUsers(canList);
  const departmentId =
    me.user.departmentId ?? users.data?.find((u) => u.id === me.user.id)?.departmentId ?? null;
  const department = departments.data?.find((d) => d.id === departmentId);
  if (department) return i18n.language === "en-US" ? department.nameEn : department.nameZh;
  return me.user.departmentName ?? null;
}

export function GreetingCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const now = dayjs().tz(BUSINESS_TZ);
  const department = useDepartmentName(me);
  return (
    <Card className="greeting-card section-gap" data-testid="greeting">
      <div className="greeting">
        <Avatar size={64} icon={<UserOutlined />} className="greeting-avatar" />
        <div className="greeting-main">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("home.greeting", { part: t(`home.${dayPart(now.hour())}`), name: me.user.displayName })}
          </Typography.Title>
          <div className="greeting-roles">
            <RoleTags keys={me.user.roles} />
          </div>
          <div className="greeting-facts">
            {department ? (
              <span>
                <ApartmentOutlined /> {t("home.departmentLine", { name: department })}
              </span>
            ) : null}
            <span>
              <EyeOutlined /> {t("home.scopeLine", { scope: t(`dataScope.${me.dataScope}`) })}
              <span className="muted"> · {t(`dataScopeHelp.${me.dataScope}`)}</span>
            </span>
          </div>
        </div>
        <div className="greeting-date">
          <CalendarOutlined />
          <div>
            <div className="greeting-date-day">{todayInChina()}</div>
            <div className="muted">{t(`home.weekdays.${now.day()}`)}</div>
          </div>
        </div>
      </div>
    </Card>
  );
}
