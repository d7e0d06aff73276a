/**
 * TERYT (TERC) code of a gmina: WW PP GG R.
 * WW voivodeship: even numbers 02–32; PP powiat: 01–99 (61+ are cities with powiat rights);
 * GG gmina: 01–99; R type: 1 urban, 2 rural, 3 urban-rural, 8 a district of Warsaw, 9 a delegation of a city.
 */
const VOIVODESHIPS = new Set(['02', '04', '06', '08', '10', '12', '14', '16', '18', '20', '22', '24', '26', '28', '30', '32']);
const MUNICIPALITY_TYPES = new Set(['1', '2', '3', '8', '9']);

export function isValidTeryt(code: string): boolean {
  if (!/^\d{7}$/.test(code)) return false;
  const voivodeship = code.slice(0, 2);
  const powiat = code.slice(2, 4);
  const gmina = code.slice(4, 6);
  const type = code.slice(6);
  return VOIVODESHIPS.has(voivodeship) && powiat !== '00' && gmina !== '00' && MUNICIPALITY_TYPES.has(type);
}
