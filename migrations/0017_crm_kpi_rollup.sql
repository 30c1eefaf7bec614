-- crm_kpi_daily is kept on write: an insert of calls adds its counts per agent and China-time day
-- (one aggregate per statement, so a 100,000-row import costs one grouped upsert per chunk); an
-- update or delete recounts the (agent, day) pairs it touched from crm_calls, so moving calls between
-- leads (a merge) or correcting one never leaves the roll-up off. Revisits: outbound calls to a lead
-- that became an intent customer before the call's day (crm_lead_events kind 'intent').
CREATE OR REPLACE FUNCTION crm_kpi_daily_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  WITH nc AS (
    SELECT agent_id, lead_id, direction, effective, (started_at AT TIME ZONE 'Asia/Shanghai')::date AS day
    FROM crm_kpi_new_calls
  ), fi AS (
    -- When each called lead first became an intent customer: one look-up per lead, not per call.
    SELECT e.lead_id, min(e.at) AS first_at FROM crm_lead_events e
    WHERE e.kind = 'intent' AND e.lead_id IN (SELECT lead_id FROM nc WHERE lead_id IS NOT NULL)
    GROUP BY e.lead_id
  )
  INSERT INTO crm_kpi_daily AS k (agent_id, day, outbound, effective, revisits, inbound)
  SELECT nc.agent_id, nc.day,
    count(*) FILTER (WHERE nc.direction = 'outbound'),
    count(*) FILTER (WHERE nc.direction = 'outbound' AND nc.effective),
    count(*) FILTER (WHERE nc.direction = 'outbound' AND fi.first_at < nc.day::timestamp AT TIME ZONE 'Asia/Shanghai'),
    count(*) FILTER (WHERE nc.direction = 'inbound')
  FROM nc LEFT JOIN fi ON fi.lead_id = nc.lead_id
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (agent_id, day) DO UPDATE SET outbound = k.outbound + excluded.outbound,
    effective = k.effective + excluded.effective, revisits = k.revisits + excluded.revisits,
    inbound = k.inbound + excluded.inbound;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_kpi_daily_recount(pairs jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM crm_kpi_daily k
  USING jsonb_to_recordset(pairs) AS p(agent_id uuid, day date)
  WHERE k.agent_id = p.agent_id AND k.day = p.day;
  WITH p AS (
    SELECT DISTINCT agent_id, day FROM jsonb_to_recordset(pairs) AS x(agent_id uuid, day date)
  ), nc AS (
    SELECT c.agent_id, c.lead_id, c.direction, c.effective, p.day
    FROM p JOIN crm_calls c ON c.agent_id = p.agent_id
      AND c.started_at >= p.day::timestamp AT TIME ZONE 'Asia/Shanghai'
      AND c.started_at < (p.day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
  ), fi AS (
    SELECT e.lead_id, min(e.at) AS first_at FROM crm_lead_events e
    WHERE e.kind = 'intent' AND e.lead_id IN (SELECT lead_id FROM nc WHERE lead_id IS NOT NULL)
    GROUP BY e.lead_id
  )
  INSERT INTO crm_kpi_daily AS k (agent_id, day, outbound, effective, revisits, inbound)
  SELECT nc.agent_id, nc.day,
    count(*) FILTER (WHERE nc.direction = 'outbound'),
    count(*) FILTER (WHERE nc.direction = 'outbound' AND nc.effective),
    count(*) FILTER (WHERE nc.direction = 'outbound' AND fi.first_at < nc.day::timestamp AT TIME ZONE 'Asia/Shanghai'),
    count(*) FILTER (WHERE nc.direction = 'inbound')
  FROM nc LEFT JOIN fi ON fi.lead_id = nc.lead_id
  GROUP BY 1, 2
  ORDER BY 1, 2
  ON CONFLICT (agent_id, day) DO UPDATE SET outbound = excluded.outbound, effective = excluded.effective,
    revisits = excluded.revisits, inbound = excluded.inbound;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_kpi_daily_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crm_kpi_daily_recount(coalesce((
    SELECT jsonb_agg(DISTINCT jsonb_build_object('agent_id', agent_id,
      'day', (started_at AT TIME ZONE 'Asia/Shanghai')::date))
    FROM (SELECT agent_id, started_at FROM crm_kpi_old_calls
          UNION ALL SELECT agent_id, started_at FROM crm_kpi_new_calls) x), '[]'::jsonb));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_kpi_daily_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM crm_kpi_daily_recount(coalesce((
    SELECT jsonb_agg(DISTINCT jsonb_build_object('agent_id', agent_id,
      'day', (started_at AT TIME ZONE 'Asia/Shanghai')::date))
    FROM crm_kpi_old_calls), '[]'::jsonb));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION crm_kpi_daily_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM crm_kpi_daily;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER crm_calls_kpi_insert AFTER INSERT ON crm_calls
  REFERENCING NEW TABLE AS crm_kpi_new_calls FOR EACH STATEMENT EXECUTE FUNCTION crm_kpi_daily_add();
--> statement-breakpoint
CREATE TRIGGER crm_calls_kpi_update AFTER UPDATE ON crm_calls
  REFERENCING OLD TABLE AS crm_kpi_old_calls NEW TABLE AS crm_kpi_new_calls
  FOR EACH STATEMENT EXECUTE FUNCTION crm_kpi_daily_changed();
--> statement-breakpoint
CREATE TRIGGER crm_calls_kpi_delete AFTER DELETE ON crm_calls
  REFERENCING OLD TABLE AS crm_kpi_old_calls FOR EACH STATEMENT EXECUTE FUNCTION crm_kpi_daily_removed();
--> statement-breakpoint
CREATE TRIGGER crm_calls_kpi_truncate AFTER TRUNCATE ON crm_calls
  FOR EACH STATEMENT EXECUTE FUNCTION crm_kpi_daily_truncated();
--> statement-breakpoint
WITH nc AS (
  SELECT agent_id, lead_id, direction, effective, (started_at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM crm_calls
), fi AS (
  SELECT lead_id, min(at) AS first_at FROM crm_lead_events WHERE kind = 'intent' GROUP BY lead_id
)
INSERT INTO crm_kpi_daily (agent_id, day, outbound, effective, revisits, inbound)
SELECT nc.agent_id, nc.day,
  count(*) FILTER (WHERE nc.direction = 'outbound'),
  count(*) FILTER (WHERE nc.direction = 'outbound' AND nc.effective),
  count(*) FILTER (WHERE nc.direction = 'outbound' AND fi.first_at < nc.day::timestamp AT TIME ZONE 'Asia/Shanghai'),
  count(*) FILTER (WHERE nc.direction = 'inbound')
FROM nc LEFT JOIN fi ON fi.lead_id = nc.lead_id
GROUP BY 1, 2
ON CONFLICT (agent_id, day) DO NOTHING;
