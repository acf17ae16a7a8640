/**
 * Material for generated orders: realistic enough to exercise a connector (non-ASCII names,
 * characters XML must escape, leading zeros, nulls), small enough to read.
 */
export interface Place {
  locality: string;
  region: string;
  regionCode: string;
  country: string;
  countryCode: string;
  /** Postal code pattern: `@` a random letter, `#` a random digit, anything else literal. */
  postalPattern: string;
  areaCode: string;
}

export const PLACES: readonly Place[] = [
  { locality: 'Moose Jaw', region: 'Saskatchewan', regionCode: 'SK', country: 'Canada', countryCode: 'CA', postalPattern: 'S6J#@#', areaCode: '306' },
  { locality: 'Regina', region: 'Saskatchewan', regionCode: 'SK', country: 'Canada', countryCode: 'CA', postalPattern: 'S4P#@#', areaCode: '306' },
  { locality: 'Montréal', region: 'Québec', regionCode: 'QC', country: 'Canada', countryCode: 'CA', postalPattern: 'H2X#@#', areaCode: '514' },
  { locality: 'Trois-Rivières', region: 'Québec', regionCode: 'QC', country: 'Canada', countryCode: 'CA', postalPattern: 'G9A#@#', areaCode: '819' },
  { locality: 'Toronto', region: 'Ontario', regionCode: 'ON', country: 'Canada', countryCode: 'CA', postalPattern: 'M5V#@#', areaCode: '416' },
  { locality: 'Vancouver', region: 'British Columbia', regionCode: 'BC', country: 'Canada', countryCode: 'CA', postalPattern: 'V6B#@#', areaCode: '604' },
  { locality: "St. John's", region: 'Newfoundland and Labrador', regionCode: 'NL', country: 'Canada', countryCode: 'CA', postalPattern: 'A1C#@#', areaCode: '709' },
  { locality: 'Seattle', region: 'Washington', regionCode: 'WA', country: 'United States', countryCode: 'US', postalPattern: '981##', areaCode: '206' },
  { locality: 'Austin', region: 'Texas', regionCode: 'TX', country: 'United States', countryCode: 'US', postalPattern: '787##', areaCode: '512' },
  { locality: 'Coeur d’Alene', region: 'Idaho', regionCode: 'ID', country: 'United States', countryCode: 'US', postalPattern: '8381#', areaCode: '208' },
  { locality: 'Brooklyn', region: 'New York', regionCode: 'NY', country: 'United States', countryCode: 'US', postalPattern: '112##', areaCode: '718' },
];

export const STREETS: readonly string[] = [
  'Evergreen Terrace', 'Rue Sainte-Catherine', 'Main Street', 'Albert Street', 'Côte-des-Neiges Road',
  'Queen Street West', '1st Avenue NE', 'Elm & Oak Lane', 'Chemin du Lac-Saint-Jean',
];

export const GIVEN_NAMES: readonly string[] = [
  'Bob', 'Zoë', 'José', 'François', 'Chloé', 'Søren', 'Björn', 'Łukasz', 'Amélie', 'Priya',
  'Wei', 'Siobhán', 'Mohammed', 'Anaïs', 'Jürgen', 'Emily', 'Noah', 'Olivia',
];

export const FAMILY_NAMES: readonly string[] = [
  'Eh', 'Tremblay', 'Gagnon', 'Müller', "O'Brien", 'Nguyễn', 'Côté', 'Smith', 'García', 'Kowalski',
  'Åström', 'Lefèvre', 'Singh', 'Zhang', 'Dubé-Ouellet', 'MacDonald',
];

export const TITLES: readonly (string | null)[] = ['Mr.', 'Ms.', 'Mrs.', 'Dr.', 'Mx.', null, null];

export const ADDRESS_NOTES: readonly (string | null)[] = [
  null, null, null, null, 'Leave at side door & ring bell', 'Buzzer #12 <front entrance>', 'Call on arrival',
];

export interface Retailer {
  companyId: number;
  name: string;
  locationIds: readonly number[];
}

export const RETAILERS: readonly Retailer[] = [
  { companyId: 33772, name: 'Prairie Wireless', locationIds: [33773, 33781, 33790] },
  { companyId: 50068, name: 'Connexion Mobile', locationIds: [50070, 50071] },
  { companyId: 29796, name: 'Cascade Cellular', locationIds: [29801, 29804, 29822, 29830] },
];

export const SHIPPING_METHODS: readonly string[] = ['123', '350', '350', '1', 'GROUND', 'EXPRESS-2D'];

export interface Product {
  sku: string;
  description: string;
  sellingPrice: string;
}

/** Fixed SKUs (`AB-JH0786-MI` style) so routing rules on SKU prefixes see repeated values. */
export const PRODUCTS: readonly Product[] = [
  { sku: 'AB-JH0786-MI', description: 'Some Item', sellingPrice: '100' },
  { sku: 'EM-JH0730-MI', description: 'Another Item', sellingPrice: '42' },
  { sku: 'OT-DF1501-BK', description: 'OtterBox Defender – iPhone 15 Pro, Black', sellingPrice: '69.99' },
  { sku: 'SA-CH2500-WH', description: 'Samsung 25W Super Fast Charger (USB-C)', sellingPrice: '34.99' },
  { sku: 'BE-MS3100-WH', description: 'Belkin BoostCharge 3-in-1 MagSafe Stand', sellingPrice: '149.5' },
  { sku: 'ZG-SP0022-CL', description: 'Screen Protector "Glass Elite" <2-pack>', sellingPrice: '44.95' },
  { sku: 'BB-AC5378-BT', description: 'BlackBerry ACC53785101 N-X1 Battery Q10', sellingPrice: '29.00' },
  { sku: 'AP-AW0945-MN', description: 'Apple Watch Series 9 GPS 45mm – Midnight', sellingPrice: '529.00' },
  { sku: 'GO-PX0800-OB', description: 'Google Pixel 8 128 GB Obsidian', sellingPrice: '949' },
  { sku: 'JB-FL0006-RD', description: 'JBL Flip 6 Speaker — Red', sellingPrice: '129.99' },
  { sku: 'CA-HL0001-BK', description: 'Case & Holster Combo', sellingPrice: '19.9' },
  { sku: 'SO-WH1000-SL', description: 'Sony WH-1000XM5 Écouteurs, Silver', sellingPrice: '499.99' },
];
