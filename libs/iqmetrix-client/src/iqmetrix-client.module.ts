import { DynamicModule, Inject, Module, OnModuleDestroy, OnModuleInit, Optional } from '@nestjs/common';
import { CONNECTOR_CONFIG, ConfigError, ConnectorConfig, HealthRegistry, IqmetrixSettings } from '@dropship/platform';
import { TokenManager } from './auth/token-manager';
import { IqmetrixHttp } from './http/iqmetrix-http';
import { IqmetrixTransport, IqmetrixTransportOptions } from './http/iqmetrix-transport';
import { StatusClient } from './status/status-client';

export interface IqmetrixClientModuleOptions {
  transport?: IqmetrixTransportOptions;
  /** See TokenManagerOptions.refreshMarginMs. */
  refreshMarginMs?: number;
}

/** The validated iQmetrix settings; a Symbol because they are a plain object. */
export const IQMETRIX_SETTINGS = Symbol('IQMETRIX_SETTINGS');

/** Name under which the module registers its readiness probe with the platform's HealthRegistry. */
export const IQMETRIX_READINESS_CHECK = 'iqmetrix';

function requireIqmetrixSettings(config: ConnectorConfig): IqmetrixSettings {
  if (config.iqmetrix) return config.iqmetrix;
  throw new ConfigError('IQMETRIX_*', `settings are missing, but service ${config.service} imports IqmetrixClientModule`);
}

/**
 * TokenManager, IqmetrixHttp and StatusClient built from CONNECTOR_CONFIG (provided by the
 * PlatformModule). Registers the `iqmetrix` readiness probe when a HealthRegistry is available and
 * closes the connection pools on shutdown.
 */
@Module({})
export class IqmetrixClientModule implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly transport: IqmetrixTransport,
    private readonly statusClient: StatusClient,
    @Optional() @Inject(HealthRegistry) private readonly health?: HealthRegistry,
  ) {}

  static forRoot(options: IqmetrixClientModuleOptions = {}): DynamicModule {
    return {
      module: IqmetrixClientModule,
      providers: [
        { provide: IQMETRIX_SETTINGS, inject: [CONNECTOR_CONFIG], useFactory: requireIqmetrixSettings },
        { provide: IqmetrixTransport, useFactory: () => new IqmetrixTransport(options.transport) },
        {
          provide: TokenManager,
          inject: [IQMETRIX_SETTINGS, IqmetrixTransport],
          useFactory: (settings: IqmetrixSettings, transport: IqmetrixTransport) =>
            new TokenManager(settings, transport, { refreshMarginMs: options.refreshMarginMs }),
        },
        {
          provide: IqmetrixHttp,
          inject: [IQMETRIX_SETTINGS, TokenManager, IqmetrixTransport],
          useFactory: (settings: IqmetrixSettings, tokens: TokenManager, transport: IqmetrixTransport) =>
            new IqmetrixHttp(settings.dropshipUrl, tokens, transport),
        },
        {
          provide: StatusClient,
          inject: [IQMETRIX_SETTINGS, IqmetrixHttp, TokenManager],
          useFactory: (settings: IqmetrixSettings, http: IqmetrixHttp, tokens: TokenManager) =>
            new StatusClient(settings.supplierId, http, tokens),
        },
      ],
      exports: [TokenManager, IqmetrixHttp, StatusClient],
    };
  }

  onModuleInit(): void {
    this.health?.register(IQMETRIX_READINESS_CHECK, () => this.statusClient.checkReachable());
  }

  async onModuleDestroy(): Promise<void> {
    await this.transport.close();
  }
}
