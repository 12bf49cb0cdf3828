/**
 * REG-10 on the server: a new live account for a person of an organisation with a licence
 * allocation this year is checked with the allocation row locked (FOR UPDATE), so two workstations
 * cannot both take the last licence. Only an administrator may go over, by setting
 * `gatehouse.licence_override` to the reason for the transaction (SET LOCAL), as the app's override does.
 */
import type { ServerMigration } from './types';

export const licenceCapsMigration: ServerMigration = {
  version: 3,
  name: 'licence-caps',
  sql: `
    CREATE FUNCTION gatehouse.check_licence() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, gatehouse AS $$
    DECLARE
      org text;
      cap integer;
      used integer;
      licence_year integer := extract(year FROM statement_timestamp() AT TIME ZONE 'Europe/London');
    BEGIN
      IF NEW.status NOT IN ('pending', 'active', 'suspended') THEN RETURN NEW; END IF;
      IF TG_OP = 'UPDATE' AND OLD.status IN ('pending', 'active', 'suspended')
         AND OLD.person_id = NEW.person_id AND OLD.system_id = NEW.system_id THEN
        RETURN NEW;
      END IF;
      SELECT organisation INTO org FROM gatehouse.people WHERE id = NEW.person_id;
      IF org IS NULL THEN RETURN NEW; END IF;
      SELECT allocation INTO cap FROM gatehouse.licence_allocations
        WHERE system_id = NEW.system_id AND lower(organisation) = lower(org) AND year = licence_year
        FOR UPDATE;
      IF cap IS NULL THEN RETURN NEW; END IF;
      SELECT count(*) INTO used FROM gatehouse.accounts a JOIN gatehouse.people p ON p.id = a.person_id
        WHERE a.system_id = NEW.system_id AND a.status IN ('pending', 'active', 'suspended')
          AND lower(p.organisation) = lower(org) AND a.id <> NEW.id;
      IF used >= cap THEN
        IF coalesce(current_setting('gatehouse.licence_override', true), '') <> ''
           AND pg_has_role(session_user, 'gatehouse_administrator', 'MEMBER') THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION '% has used all % % licences for % (REG-10). An administrator can override this with a reason.',
          org, cap, NEW.system_id, licence_year USING ERRCODE = 'check_violation';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER accounts_licence BEFORE INSERT OR UPDATE OF status, person_id, system_id
      ON gatehouse.accounts FOR EACH ROW EXECUTE FUNCTION gatehouse.check_licence();
  `,
};
