import { DownOutlined, FieldTimeOutlined, FileExcelOutlined, MoneyCollectOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Dropdown, type MenuProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../../api/auth.ts";
import type { LoanDetail } from "../../../api/servicing.ts";
import { RecoveryModal } from "./recovery-modal.tsx";
import { RestructureDrawer } from "./restructure-drawer.tsx";
import { WriteOffModal } from "./write-off-modal.tsx";
import "./workout.css";

type Open = "restructure" | "write-off" | "recovery" | null;

/** 更多操作 on a loan: propose a restructuring or a write-off, record a recovery after write-off. */
export function LoanWorkoutActions({ loan, onChanged }: { loan: LoanDetail; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const [open, setOpen] = useState<Open>(null);
  const queryClient = useQueryClient();
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ["workout"] });
    onChanged();
  };
  const a = (key: string) => t(`workout.actions.${key}`);
  const active = loan.status === "active";
  const writtenOff = loan.status === "written-off";
  const items: NonNullable<MenuProps["items"]> = [];
  if (hasPermission(me, "collections.work"))
    items.push({
      key: "restructure",
      icon: <FieldTimeOutlined />,
      label: a("restructure"),
      disabled: !active,
      title: active ? undefined : a("notActive"),
    });
  if (hasPermission(me, "repayments.post") || hasPermission(me, "collections.work"))
    items.push({
      key: "write-off",
      icon: <FileExcelOutlined />,
      label: a("writeOff"),
      danger: true,
      disabled: !active,
      title: active ? undefined : a("notActive"),
    });
  if (hasPermission(me, "repayments.post"))
    items.push({
      key: "recovery",
      icon: <MoneyCollectOutlined />,
      label: a("recovery"),
      disabled: !writtenOff,
      title: writtenOff ? undefined : a("notWrittenOff"),
    });
  if (items.length === 0) return null;
  return (
    <>
      <Dropdown trigger={["click"]} menu={{ items, onClick: ({ key }) => setOpen(key as Open) }}>
        <Button data-testid="loan-workout-actions">
          {a("menu")} <DownOutlined />
        </Button>
      </Dropdown>
      <RestructureDrawer
        loan={loan}
        open={open === "restructure"}
        onClose={() => setOpen(null)}
        onProposed={changed}
      />
      {open === "write-off" ? (
        <WriteOffModal loan={loan} open onClose={() => setOpen(null)} onProposed={changed} />
      ) : null}
      {open === "recovery" ? (
        <RecoveryModal loan={loan} open onClose={() => setOpen(null)} onPosted={changed} />
      ) : null}
    </>
  );
}
