import { describeServiceStartup } from '@dropship/testing';

describeServiceStartup('feed-ingestor', {
  port: 13101,
  env: {
    IQMETRIX_CLIENT_ID: 'client',
    IQMETRIX_CLIENT_SECRET: 'secret',
    IQMETRIX_USERNAME: 'supplier@example.com',
    IQMETRIX_PASSWORD: 'password',
    IQMETRIX_SUPPLIER_ID: '60455',
  },
  requiredVariable: 'IQMETRIX_CLIENT_ID',
});
