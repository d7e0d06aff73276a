import type { DbContext } from '../../platform/db/types';
import { AppError } from '../../platform/http/errors';
import { actionsOfOrganisation } from '../action-plan';
import { bookingsOfOrganisation } from '../venues';
import { cooperation } from './repository-inbox';
import type { MeetingsDeps } from './service';

/**
 * An organisation's cooperation with the centre in one place: meetings invited to and attended,
 * follow-up tasks, room bookings, and its actions in the community action plans. For staff and for
 * the organisation's own people; anyone else is told it is not there.
 */
export async function cooperationOf(deps: MeetingsDeps, ctx: DbContext, municipalityId: string, organisationId: string, who: { userId: string; staff: boolean }) {
  return deps.db.tx(ctx, async (sql) => {
    const organisation = await cooperation.organisation(sql, municipalityId, organisationId, who.userId);
    if (!organisation || !(who.staff || organisation.member)) throw new AppError('not_found');
    return {
      name: organisation.name,
      meetings: await cooperation.meetingsOf(sql, municipalityId, organisationId),
      tasks: await cooperation.tasksOf(sql, municipalityId, organisationId),
      bookings: await bookingsOfOrganisation(sql, municipalityId, organisationId),
      actions: await actionsOfOrganisation(sql, municipalityId, organisationId, { includeDrafts: who.staff }),
    };
  });
}
