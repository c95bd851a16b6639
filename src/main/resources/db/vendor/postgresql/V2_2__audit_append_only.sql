-- PostgreSQL enforces what the application promises: audit entries are never deleted, and a
-- sealed entry (one with a hash) is never changed. Only the sealer fills in the chain columns once.
CREATE FUNCTION audit_entries_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit entries are append-only';
    END IF;
    IF OLD.hash IS NOT NULL
       OR NEW.shop_id <> OLD.shop_id OR NEW.occurred_at <> OLD.occurred_at OR NEW.actor <> OLD.actor
       OR NEW.action <> OLD.action OR NEW.subject_type <> OLD.subject_type OR NEW.subject_id <> OLD.subject_id
       OR NEW.reason IS DISTINCT FROM OLD.reason OR NEW.details IS DISTINCT FROM OLD.details THEN
        RAISE EXCEPTION 'audit entries are append-only';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entries_append_only
    BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_guard();
