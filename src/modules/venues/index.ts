import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { bookingsOf } from './personal-data';
import { bookingRoutes } from './routes-bookings';
import { publicRoutes } from './routes-public';
import { roomRoutes } from './routes-rooms';
import { staffRoutes } from './routes-staff';
import { venueRoutes } from './routes-venues';
import { venuesMessages } from './messages';
import { venuesErrors } from './errors';
import { venuesPermissions } from './permissions';
import { venueStartCards } from './start-cards';

/**
 * The Local Activity Place (MAL): venues with opening hours and rooms, bookings asked for by
 * residents and organisations and decided by staff, and each room's week (ADR 0011).
 */
export const venuesModule: AppModule = {
  name: 'venues',
  startCards: venueStartCards,
  permissions: venuesPermissions,
  errors: venuesErrors,
  messages: venuesMessages,
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await publicRoutes(app, ctx);
    await bookingRoutes(app, ctx);
    await staffRoutes(app, ctx);
    await venueRoutes(app, ctx);
    await roomRoutes(app, ctx);
  },
  navigation: [
    { href: '/venues', label: 'nav.venues' },
    { href: '/venues/bookings', label: 'nav.venues_bookings', roles: ['resident'], group: 'mine' },
    { href: '/venues/bookings', label: 'nav.venues_bookings', roles: ['ngo_member'], group: 'organisation' },
    { href: '/venues/queue', label: 'nav.venues_queue', permission: 'venues.manage', group: 'work' },
  ],
  personalData: bookingsOf,
};

export { bookingsOfOrganisation, releaseBooking, reserveRoomForMeeting, roomCapacity, roomChoices } from './api';
export { seedVenueFixtures } from './fixtures';
export type { BookingRecord } from './personal-data';
