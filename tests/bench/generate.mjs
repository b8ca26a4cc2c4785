// Deterministic generator of a large subscription export in the planner's template
// CSV format (about 150 bytes a row), for `make bench`.
const products = [
  ['Office 365 E3', 'ENTERPRISEPACK', '6fd2c87f-b296-42f0-b197-1e91e994b900', 'P1Y', 'annual', 'direct'],
  ['Microsoft 365 Business Premium', 'SPB', 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', 'P1Y', 'monthly', 'csp-nce'],
  ['Microsoft 365 Business Standard', 'O365_BUSINESS_PREMIUM', 'f245ecc8-75af-4f8e-b61f-27d8114de5f3', 'P1M', 'monthly', 'direct'],
  ['Microsoft 365 E3', 'SPE_E3', '05e9a617-0261-4cee-bb44-138d3ef5d965', 'P3Y', 'annual', 'ea'],
  ['Microsoft Entra ID P1', 'AAD_PREMIUM', '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', 'P1Y', 'annual', 'csp-legacy'],
];

function pad(number) { return String(number).padStart(2, '0'); }

/** Returns the CSV text of `rows` subscriptions spread over `customers` customers. */
export function generateTemplateCsv(rows, customers = 2000) {
  const header = 'customer,tenant_country,subscription_id,product,sku_part_number,sku_id,seats_total,seats_assigned,term,billing,term_start,term_end,auto_renew,status,channel,unit_price,currency';
  const lines = [header];
  for (let index = 0; index < rows; index += 1) {
    const [product, part, sku, term, billing, channel] = products[index % products.length];
    const customer = `Customer ${String(index % customers).padStart(4, '0')} SAS`;
    const seats = 5 + (index * 7) % 295;
    const month = 1 + (index % 12);
    const day = 1 + (index % 28);
    const id = `${(index * 2654435761 >>> 0).toString(16).padStart(8, '0')}-${String(index).padStart(6, '0')}`;
    lines.push([
      customer, 'FR', id, product, part, sku, seats, Math.max(0, seats - (index % 5)), term, billing,
      `2026-${pad(month)}-${pad(day)}`, `2027-${pad(month)}-${pad(day)}`, index % 3 === 0 ? 'false' : 'true',
      'active', channel, (10 + (index % 40) + 0.5).toFixed(2), 'EUR',
    ].join(','));
  }
  return lines.join('\n') + '\n';
}

/**
 * A planner template CSV of `count` subscriptions ending over the coming year, from
 * every channel and eight products, 100 to a customer (a tenant holds at most 300),
 * so the plan has every path and findings on many lines (the 10,000-line plan of
 * tests/e2e/plan.test.mjs and tests/bench/plan-ui.mjs).
 */
export function generatePlanScaleCsv(count) {
  const header = 'customer,tenant_country,subscription_id,product,sku_part_number,sku_id,seats_total,seats_assigned,term,billing,term_start,term_end,auto_renew,status,channel,unit_price,currency';
  const products = [
    ['Microsoft 365 Business Premium', 'SPB'], ['Microsoft 365 Business Standard', 'O365_BUSINESS_PREMIUM'],
    ['Office 365 E3', 'ENTERPRISEPACK'], ['Microsoft 365 E3', 'SPE_E3'], ['Exchange Online (Plan 1)', 'EXCHANGESTANDARD'],
    ['Visio Plan 2', 'VISIOCLIENT'], ['Power BI Pro', 'POWER_BI_PRO'], ['Microsoft Entra ID P1', 'AAD_PREMIUM'],
  ];
  const channels = ['direct', 'csp-nce', 'csp-legacy', 'ea'];
  const today = new Date();
  const iso = (date) => date.toISOString().slice(0, 10);
  const rows = [header];
  for (let index = 0; index < count; index += 1) {
    const [product, part] = products[index % products.length];
    const end = new Date(today.getTime() + ((index * 37) % 400 + 10) * 86_400_000);
    const begin = new Date(end.getTime() - 364 * 86_400_000);
    const seats = 5 + (index % 60);
    rows.push([
      `Fabrikam ${String(Math.floor(index / 100) + 1).padStart(3, '0')} SAS`, 'FR', `SCALE-${String(index + 1).padStart(5, '0')}`, product, part, '', seats, seats - (index % 5),
      'P1Y', 'monthly', iso(begin), iso(end), 'true', 'active', channels[index % channels.length], (8 + (index % 20)).toFixed(2), 'EUR',
    ].join(','));
  }
  return rows.join('\n') + '\n';
}
