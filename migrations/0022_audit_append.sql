-- One round trip for an audit append (src/platform/audit.ts): take the chain's lock, read the last
-- record and insert the next one with its hash. A VOLATILE function takes a fresh snapshot for each
-- statement, so the read after the lock sees the record the previous holder committed. The hash is
-- sha256 over prev_hash || '|' || head || id || tail, the canonical text chainHash hashes, split by the
-- caller around the id.
CREATE FUNCTION audit_append(
  p_at timestamptz, p_actor_id uuid, p_actor_name text, p_action text, p_entity_type text, p_entity_id text,
  p_before jsonb, p_after jsonb, p_request_id text, p_ip text, p_head text, p_tail text
) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  last_id bigint;
  last_hash text;
BEGIN
  PERFORM pg_advisory_xact_lock(73550001);
  SELECT id, hash INTO last_id, last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  last_id := coalesce(last_id, 0) + 1;
  last_hash := coalesce(last_hash, repeat('0', 64));
  INSERT INTO audit_log (id, at, actor_id, actor_name, action, entity_type, entity_id, before, after,
    request_id, ip, prev_hash, hash)
  VALUES (last_id, p_at, p_actor_id, p_actor_name, p_action, p_entity_type, p_entity_id, p_before, p_after,
    p_request_id, p_ip, last_hash,
    encode(sha256(convert_to(last_hash || '|' || p_head || last_id::text || p_tail, 'UTF8')), 'hex'));
  RETURN last_id;
END
$$;
