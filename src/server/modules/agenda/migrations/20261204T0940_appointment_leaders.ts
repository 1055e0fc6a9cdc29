import type { Kysely } from 'kysely'
import { runScript } from '../../../db/script.ts'

// Co-leaders of an appointment (issue 10, collective sessions: "capacity, leaders"): a workshop or a committee led by
// several counsellors. The appointment's counsellor stays its leader (the agenda's column, its conflicts); the others
// are listed here, see it in their agenda and take attendance as the leader does.
export async function up(db: Kysely<any>): Promise<void> {
  await runScript(
    db,
    `
    CREATE TABLE appointment_leader (
      structure_id text NOT NULL,
      appointment_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES app_user(id),
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (structure_id, appointment_id, user_id),
      FOREIGN KEY (structure_id, appointment_id) REFERENCES appointment (structure_id, id)
    );
    CREATE INDEX appointment_leader_user_idx ON appointment_leader (structure_id, user_id);
  `,
  )
}

export async function down(db: Kysely<any>): Promise<void> {
  await runScript(db, 'DROP TABLE appointment_leader;')
}
