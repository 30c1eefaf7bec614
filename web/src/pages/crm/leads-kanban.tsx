// Leads by stage; drag a card to another column to move the lead (无效 asks for the reason; 已申请
// comes only from converting). The stage menu on the lead's page does the same from the keyboard.
import { UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Badge, Empty, Spin, Tag } from "antd";
import { type DragEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { errorMessage } from "../../api/client.ts";
import { LEAD_STAGES, type Lead, type LeadStage, leadApi, OPEN_STAGES } from "../../api/crm-leads.ts";
import { formatWan } from "../../format.ts";
import { LeadInvalidModal } from "./lead-stage-modal.tsx";
import { FollowUpDate, IntentTag } from "./lead-tags.tsx";

const CARDS_PER_COLUMN = 100;

function LeadCard({
  lead,
  dragging,
  onDrag,
}: {
  lead: Lead;
  dragging: boolean;
  onDrag: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Link
      to={`/crm/leads/${lead.id}`}
      className={`lead-card${dragging ? " dragging" : ""}`}
      draggable
      onDragStart={(e) => {
        e.dataTransfer.setData("text/plain", lead.id);
        e.dataTransfer.effectAllowed = "move";
        onDrag(lead.id);
      }}
      onDragEnd={() => onDrag(null)}
      data-testid="lead-card"
    >
      <div className="lead-card-head">
        <span className="lead-card-name">{lead.name}</span>
        {lead.intentLevel ? <IntentTag level={lead.intentLevel} /> : null}
      </div>
      <div className="muted small">
        <span className="num">{lead.phone}</span>
        {lead.wantedAmount ? ` · ${formatWan(lead.wantedAmount)}` : ""}
        {lead.city ? ` · ${lead.city}` : ""}
      </div>
      <div className="lead-card-foot">
        <span className="muted small">
          <UserOutlined /> {lead.ownerName ?? "—"}
        </span>
        {lead.doNotCall ? <Tag color="red">{t("crmLeads.doNotCall")}</Tag> : null}
        {lead.nextFollowUpOn ? (
          <span className="small">
            <FollowUpDate date={lead.nextFollowUpOn} open={OPEN_STAGES.includes(lead.stage)} />
          </span>
        ) : null}
      </div>
    </Link>
  );
}

export function LeadsKanban({
  items,
  counts,
  loading,
  stages,
}: {
  items: Lead[];
  counts: Partial<Record<LeadStage, number>>;
  loading: boolean;
  stages: LeadStage[];
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [dragged, setDragged] = useState<string | null>(null);
  const [over, setOver] = useState<LeadStage | null>(null);
  const [invalidating, setInvalidating] = useState<Lead | null>(null);
  const columns = LEAD_STAGES.filter((s) => stages.length === 0 || stages.includes(s));

  const drop = async (event: DragEvent, stage: LeadStage) => {
    event.preventDefault();
    setOver(null);
    const id = event.dataTransfer.getData("text/plain") || dragged;
    const lead = items.find((l) => l.id === id);
    setDragged(null);
    if (!lead || lead.stage === stage) return;
    if (stage === "applied") {
      message.info(t("crmLeads.kanban.notMovable"));
      return;
    }
    if (stage === "invalid") {
      setInvalidating(lead);
      return;
    }
    try {
      await leadApi.stage(lead.id, { stage });
      message.success(t("crmLeads.kanban.moved", { name: lead.name, stage: t(`crmLeads.stage.${stage}`) }));
      void queryClient.invalidateQueries({ queryKey: ["crm"] });
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Spin spinning={loading} delay={200}>
      <div className="lead-kanban" data-testid="lead-kanban">
        {columns.map((stage) => {
          const cards = items.filter((l) => l.stage === stage);
          const total = counts[stage] ?? cards.length;
          return (
            <section
              key={stage}
              className={`lead-kanban-col${over === stage ? " drop-target" : ""}`}
              aria-label={t(`crmLeads.stage.${stage}`)}
              onDragOver={(e) => {
                e.preventDefault();
                if (over !== stage) setOver(stage);
              }}
              onDragLeave={() => setOver((current) => (current === stage ? null : current))}
              onDrop={(e) => void drop(e, stage)}
              data-testid={`kanban-col-${stage}`}
            >
              <header className="lead-kanban-col-head">
                <span>{t(`crmLeads.stage.${stage}`)}</span>
                <Badge
                  count={total}
                  showZero
                  overflowCount={9999}
                  color={stage === "invalid" ? "#8c8c8c" : "#1668dc"}
                />
              </header>
              <div className="lead-kanban-col-body">
                {cards.length ? (
                  cards
                    .slice(0, CARDS_PER_COLUMN)
                    .map((lead) => (
                      <LeadCard
                        key={lead.id}
                        lead={lead}
                        dragging={dragged === lead.id}
                        onDrag={setDragged}
                      />
                    ))
                ) : (
                  <Empty
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={dragged ? t("crmLeads.kanban.dropHint") : t("crmLeads.kanban.emptyColumn")}
                  />
                )}
                {cards.length > CARDS_PER_COLUMN ? (
                  <div className="muted small">
                    {t("crmLeads.kanban.more", { count: cards.length - CARDS_PER_COLUMN })}
                  </div>
                ) : null}
              </div>
            </section>
          );
        })}
      </div>
      <LeadInvalidModal lead={invalidating} onClose={() => setInvalidating(null)} />
    </Spin>
  );
}
