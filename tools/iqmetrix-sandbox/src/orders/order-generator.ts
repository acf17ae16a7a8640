import { SeededRandom } from '../support/random';
import type { SandboxOrder, SandboxOrderItem, SandboxShippingAddress, SandboxShippingCustomer } from './order-types';
import {
  ADDRESS_NOTES, FAMILY_NAMES, GIVEN_NAMES, PLACES, PRODUCTS, RETAILERS, SHIPPING_METHODS, STREETS, TITLES,
  type Place, type Retailer,
} from './sample-data';

export interface GenerateOptions {
  supplierId: number;
  /** Force ship-to-store (true) or ship-to-home (false); random (40 % store) when absent. */
  shipToStore?: boolean;
}

const NIL_GUID = '00000000-0000-0000-0000-000000000000';

type PlaceField = 'country' | 'countryCode' | 'locality' | 'postalCode' | 'region' | 'regionCode';

/** Realistic `order-created` payloads from a seeded generator: the same seed gives the same orders. */
export class OrderGenerator {
  constructor(private readonly random: SeededRandom) {}

  generate(options: GenerateOptions): SandboxOrder {
    const r = this.random;
    const shipToStore = options.shipToStore ?? r.chance(0.4);
    const retailer = r.pick(RETAILERS);
    const customer = this.customer();
    const attentionTo = `${customer.primaryName} ${customer.familyName}`;
    return {
      items: this.items(),
      orderId: r.uuid(),
      seller: {
        companyId: retailer.companyId,
        locationId: r.pick(retailer.locationIds),
        poReference: `${r.letters(3)}${r.digits(3)}N${r.int(1, 9)}`,
        printableId: r.chance(0.25) ? `0${r.digits(7)}` : `${r.int(1, 9)}${r.digits(7)}`,
      },
      shipToStore,
      shippingAddress: shipToStore ? this.storeAddress(retailer, attentionTo) : this.homeAddress(attentionTo),
      shippingCustomer: customer,
      shippingMethod: r.pick(SHIPPING_METHODS),
      supplierId: options.supplierId,
    };
  }

  private items(): SandboxOrderItem[] {
    const count = this.random.int(1, 4);
    const start = this.random.int(0, PRODUCTS.length - 1);
    const items: SandboxOrderItem[] = [];
    for (let i = 0; i < count; i += 1) {
      const product = PRODUCTS[(start + i * 5) % PRODUCTS.length];
      items.push({
        catalogId: catalogIdOf(product.sku),
        description: product.description,
        quantity: this.random.chance(0.8) ? 1 : this.random.int(2, 3),
        sellingPrice: product.sellingPrice,
        sku: product.sku,
      });
    }
    return items;
  }

  private customer(): SandboxShippingCustomer {
    const r = this.random;
    return {
      alternateName: r.chance(0.1) ? r.pick(GIVEN_NAMES) : null,
      customerId: r.uuid(),
      familyName: r.pick(FAMILY_NAMES),
      middleName: r.chance(0.2) ? r.pick(GIVEN_NAMES) : null,
      notes: null,
      primaryName: r.pick(GIVEN_NAMES),
      title: r.pick(TITLES),
      type: 'Person',
    };
  }

  private homeAddress(attentionTo: string): SandboxShippingAddress {
    const r = this.random;
    const place = r.pick(PLACES);
    return this.address(place, {
      addressId: r.uuid(),
      attentionTo,
      notes: r.pick(ADDRESS_NOTES),
      phone: r.chance(0.9) ? `${place.areaCode}-555-${r.digits(4)}` : null,
      postOfficeBoxNumber: r.chance(0.05) ? r.digits(3) : null,
      streetAddress1: `${r.int(1, 9999)} ${r.pick(STREETS)}`,
      streetAddress2: r.chance(0.2) ? `Unit ${r.int(1, 40)}` : null,
      type: 'Home',
    });
  }

  /** Ship-to-store: the store's address, a nil address id and type, as in iQmetrix's example. */
  private storeAddress(retailer: Retailer, attentionTo: string): SandboxShippingAddress {
    const r = this.random;
    return this.address(PLACES[retailer.companyId % PLACES.length], {
      addressId: NIL_GUID,
      attentionTo,
      notes: null,
      phone: null,
      postOfficeBoxNumber: null,
      streetAddress1: `${r.int(100, 999)} ${r.pick(STREETS)} (${retailer.name})`,
      streetAddress2: null,
      type: null,
    });
  }

  /** Built field by field in one literal (spreading into a literal was the generator's hot spot). */
  private address(place: Place, local: Omit<SandboxShippingAddress, PlaceField>): SandboxShippingAddress {
    return {
      addressId: local.addressId,
      attentionTo: local.attentionTo,
      country: place.country,
      countryCode: place.countryCode,
      locality: place.locality,
      notes: local.notes,
      phone: local.phone,
      postOfficeBoxNumber: local.postOfficeBoxNumber,
      postalCode: this.postalCode(place.postalPattern),
      region: place.region,
      regionCode: place.regionCode,
      streetAddress1: local.streetAddress1,
      streetAddress2: local.streetAddress2,
      type: local.type,
    };
  }

  private postalCode(pattern: string): string {
    return pattern.replace(/[@#]/g, (slot) => (slot === '@' ? this.random.letters(1) : this.random.digits(1)));
  }
}

const catalogIds = new Map<string, string>();

/** A stable catalog id per SKU, whatever the sandbox seed: the same product keeps its id. */
export function catalogIdOf(sku: string): string {
  let id = catalogIds.get(sku);
  if (!id) {
    id = new SeededRandom(`catalog:${sku}`).uuid();
    catalogIds.set(sku, id);
  }
  return id;
}
