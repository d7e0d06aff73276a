import type { FastifyInstance } from 'fastify';
import type { AppModule, ModuleContext } from '../../platform/module';
import { bookingsOf } from './personal-data';
import { bookingRoutes } from './routes-bookings';
import { publicRoutes } from './routes-public';
import { roomRoutes } from './routes-rooms';
import { staffRoutes } from './routes-staff';
import { venueRoutes } from './routes-venues';

/**
 * The Local Activity Place (MAL): venues with opening hours and rooms, bookings asked for by
 * residents and organisations and decided by staff, and each room's week (ADR 0011).
 */
export const venuesModule: AppModule = {
  name: 'venues',
  routes: async (app: FastifyInstance, ctx: ModuleContext) => {
    await publicRoutes(app, ctx);
    await bookingRoutes(app, ctx);
    await staffRoutes(app, ctx);
    await venueRoutes(app, ctx);
    await roomRoutes(app, ctx);
  },
  navigation: [
    { href: '/venues', label: 'nav.venues' },
    { href: '/venues/queue', label: 'nav.venues_queue', permission: 'venues.manage' },
  ],
  personalData: bookingsOf,
};

export { bookingsOfOrganisation, releaseBooking, reserveRoomForMeeting, roomChoices } from './api';
export { seedVenueFixtures } from './fixtures';
export type { BookingRecord } from './personal-data';
