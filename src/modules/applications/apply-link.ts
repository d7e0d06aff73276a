/**
 * Which services take applications through the platform, and where the form is: every active service
 * of the catalogue (the form refuses others). The catalogue shows "Złóż wniosek" on a service page by
 * asking this, so the rule stays here and the catalogue never reads this module's tables.
 */
export function takesApplications(service: { status: string }): boolean {
  return service.status === 'active';
}

/** The application form with the service chosen (a visitor who is not logged in is sent to log in first). */
export function applicationFormPath(municipalitySlug: string, serviceId: string): string {
  return `/${municipalitySlug}/applications/new?service=${encodeURIComponent(serviceId)}`;
}
