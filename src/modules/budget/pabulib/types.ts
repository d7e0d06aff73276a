/** A `.pb` file as read (pabulib.org/format): META key → value, and the PROJECTS and VOTES rows by their headers. */
export interface PbFile {
  meta: Record<string, string>;
  projects: Array<Record<string, string>>;
  votes: Array<Record<string, string>>;
}
