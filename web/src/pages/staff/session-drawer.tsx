import { DeleteOutlined, SaveOutlined, UsergroupAddOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  InputNumber,
  Result,
  Select,
  Space,
  Spin,
  Table,
  Tag,
} from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { hasPermission, useMe } from "../../api/auth.ts";
import { errorMessage } from "../../api/client.ts";
import { recordResults, useAllStaff, useProbationBoard, useSession } from "../../api/staff.ts";

type Row = { staffId: string; name: string; employeeNo: string; attended: boolean; score: number | null };

/**
 * One training session: attendance and, for an exam, the scores. Saving a passed 通关 exam may
 * settle a trainee's probation at once — the answer says so.
 */
export function SessionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const me = useMe().data;
  const canManage = hasPermission(me, "staff.manage");
  const session = useSession(id);
  const data = session.data;
  const people = useAllStaff(canManage && id !== null);
  const trainees = useProbationBoard(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const exam = data?.passScore !== null && data?.passScore !== undefined;

  useEffect(() => {
    setError(null);
    setRows(
      (data?.results ?? []).map((r) => ({
        staffId: r.staffId,
        name: r.name,
        employeeNo: r.employeeNo,
        attended: r.attended,
        score: r.score,
      })),
    );
  }, [data]);

  const add = (list: { staffId: string; name: string; employeeNo: string }[]) =>
    setRows((current) => [
      ...current,
      ...list
        .filter((p) => !current.some((r) => r.staffId === p.staffId))
        .map((p) => ({ ...p, attended: true, score: null })),
    ]);
  const update = (staffId: string, patch: Partial<Row>) =>
    setRows((current) => current.map((r) => (r.staffId === staffId ? { ...r, ...patch } : r)));

  const save = async () => {
    if (!data) return;
    setPending(true);
    setError(null);
    try {
      const result = await recordResults(
        data.id,
        rows.map((r) => ({
          staffId: r.staffId,
          attended: r.attended,
          score: exam && r.attended ? r.score : null,
        })),
      );
      message.success(t("staff.training.saved", { count: result.recorded }));
      for (const outcome of result.probationOutcomes)
        message.info(
          t(`staff.training.outcome.${outcome.outcome === "probation.passed" ? "passed" : "failed"}`, {
            name: rows.find((r) => r.staffId === outcome.staffId)?.name ?? "",
          }),
        );
      void queryClient.invalidateQueries({ queryKey: ["training"] });
      void queryClient.invalidateQueries({ queryKey: ["staff"] });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setPending(false);
    }
  };

  const candidates = (people.data?.items ?? []).filter(
    (p) => p.status !== "left" && p.status !== "candidate" && (!data || p.joinedOn <= data.heldOn),
  );
  const c = (key: string) => t(`staff.training.columns.${key}`);

  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={760}
      data-testid="session-drawer"
      title={
        data ? (
          <span className="title-with-tags">
            {t(`staff.courses.${data.course}`, { defaultValue: data.courseName })}
            <span className="num muted">{data.heldOn}</span>
            {data.isGate ? <Tag color="gold">{t("staff.training.gate")}</Tag> : null}
          </span>
        ) : (
          t("staff.training.session")
        )
      }
      extra={
        canManage && data ? (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={pending}
            disabled={pending || rows.length === 0}
            onClick={save}
            data-testid="save-results"
          >
            {t("staff.training.saveResults")}
          </Button>
        ) : null
      }
    >
      {session.isPending && id ? (
        <Spin />
      ) : session.isError ? (
        <Result status="warning" title={t("common.loadFailed", { message: errorMessage(session.error) })} />
      ) : data ? (
        <>
          <Descriptions size="small" column={2} bordered className="section-gap">
            <Descriptions.Item label={c("trainer")}>{data.trainer ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={c("location")}>{data.location ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={c("passScore")}>
              {exam ? data.passScore : t("staff.training.attendanceOnly")}
            </Descriptions.Item>
            <Descriptions.Item label={c("note")}>{data.note ?? "—"}</Descriptions.Item>
          </Descriptions>
          {error ? <Alert type="error" showIcon className="section-gap" title={error} /> : null}
          {canManage ? (
            <Space wrap className="section-gap">
              <Select
                showSearch={{ optionFilterProp: "label" }}
                placeholder={t("staff.training.addPerson")}
                value={null}
                style={{ width: 260 }}
                onChange={(staffId: string) => {
                  const p = candidates.find((x) => x.id === staffId);
                  if (p) add([{ staffId: p.id, name: p.name, employeeNo: p.employeeNo }]);
                }}
                options={candidates.map((p) => ({ value: p.id, label: `${p.name} · ${p.employeeNo}` }))}
                data-testid="add-person"
              />
              <Button
                icon={<UsergroupAddOutlined />}
                disabled={!trainees.data?.items.length}
                onClick={() =>
                  add(
                    (trainees.data?.items ?? [])
                      .filter((i) => i.startsOn <= data.heldOn)
                      .map((i) => ({ staffId: i.staffId, name: i.name, employeeNo: i.employeeNo })),
                  )
                }
              >
                {t("staff.training.addTrainees")}
              </Button>
            </Space>
          ) : null}
          <Table<Row>
            rowKey="staffId"
            size="small"
            pagination={false}
            dataSource={rows}
            data-testid="session-results"
            locale={{ emptyText: <Empty description={t("staff.training.noResults")} /> }}
            columns={[
              {
                title: c("employeeNo"),
                dataIndex: "employeeNo",
                width: 90,
                render: (v) => <span className="mono">{v}</span>,
              },
              { title: c("name"), dataIndex: "name" },
              {
                title: c("attended"),
                dataIndex: "attended",
                width: 90,
                render: (v: boolean, row) =>
                  canManage ? (
                    <Checkbox
                      checked={v}
                      onChange={(e) => update(row.staffId, { attended: e.target.checked })}
                    />
                  ) : v ? (
                    t("common.yes")
                  ) : (
                    t("common.no")
                  ),
              },
              ...(exam
                ? [
                    {
                      title: c("score"),
                      dataIndex: "score",
                      width: 120,
                      render: (v: number | null, row: Row) =>
                        canManage ? (
                          <InputNumber
                            min={0}
                            max={100}
                            precision={0}
                            value={v}
                            disabled={!row.attended}
                            status={row.attended && v === null ? "error" : undefined}
                            onChange={(score) => update(row.staffId, { score: score ?? null })}
                            aria-label={`${row.name} ${c("score")}`}
                          />
                        ) : (
                          (v ?? "—")
                        ),
                    },
                    {
                      title: c("result"),
                      key: "result",
                      width: 90,
                      render: (_: unknown, row: Row) =>
                        !row.attended || row.score === null ? (
                          "—"
                        ) : row.score >= (data.passScore ?? 0) ? (
                          <Tag color="green">{t("staff.training.passed")}</Tag>
                        ) : (
                          <Tag color="red">{t("staff.training.notPassed")}</Tag>
                        ),
                    },
                  ]
                : []),
              ...(canManage
                ? [
                    {
                      key: "remove",
                      width: 50,
                      render: (_: unknown, row: Row) =>
                        data.results.some((r) => r.staffId === row.staffId) ? null : (
                          <Button
                            type="text"
                            size="small"
                            icon={<DeleteOutlined />}
                            aria-label={t("common.delete")}
                            onClick={() =>
                              setRows((current) => current.filter((r) => r.staffId !== row.staffId))
                            }
                          />
                        ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      ) : null}
    </Drawer>
  );
}
