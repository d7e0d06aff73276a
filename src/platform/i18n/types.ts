/** A plural message: Polish needs one/few/many ("1 plik", "2 pliki", "5 plików"); English one/other. */
export interface Plural {
  one: string;
  few?: string;
  many?: string;
  other: string;
}
export type Message = string | Plural;
